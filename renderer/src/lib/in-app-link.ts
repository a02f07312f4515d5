// Which clicks on links the page follows itself. Following an in-app address at once, rather
// than through the browser's hash navigation, saves a task: the browser announces a hash change
// only after the click's own task, so the next lesson would wait a turn before it could render.

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
 * The in-app address (`#/…`) a click on a link goes to, when the page should follow it itself;
 * null when the browser should: modifier keys or another button (new tab or window), another
 * target, a download, any other kind of address, an address already shown (nothing to follow),
 * or a click something else has already handled. Pure.
 */
export function inAppHref(click: LinkClick, link: LinkFacts, currentHash: string): string | null {
  const plain =
    click.button === 0 && !click.ctrlKey && !click.metaKey && !click.shiftKey && !click.altKey;
  if (!plain || click.defaultPrevented) return null;
  if ((link.target !== '' && link.target !== '_self') || link.download) return null;
  const href = link.href;
  if (!href?.startsWith('#/') || href === currentHash) return null;
  return href;
}
