// Which clicks on links the page follows itself: an in-app address becomes a history entry of
// the one page, shown at once, instead of a new page load.
import { inAppAddress } from './routes.ts';

/** The parts of a click that decide who follows it. */
export interface LinkClick {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** The parts of a link that decide who follows it. */
export interface LinkFacts {
  /** The href as written (`getAttribute`), not as resolved. */
  href: string | null;
  target: string;
  download: boolean;
}

/**
 * The in-app address (routes.ts's inAppAddress) a click on a link goes to, when the page should
 * follow it itself; null when the browser should: modifier keys or another button (new tab or
 * window), another target, a download, any other kind of address, or a click something else
 * has already handled. Pure.
 */
export function inAppHref(click: LinkClick, link: LinkFacts): string | null {
  const plain =
    click.button === 0 && !click.ctrlKey && !click.metaKey && !click.shiftKey && !click.altKey;
  if (!plain || click.defaultPrevented) return null;
  if ((link.target !== '' && link.target !== '_self') || link.download) return null;
  return inAppAddress(link.href);
}
