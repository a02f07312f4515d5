// Links inside compiled lesson HTML. The compiler emits only two kinds: in-app addresses
// (`/learn/…`, or `#/…` in courses compiled before addresses were paths), which the router
// follows like any other, and `https:` links to the outside world, which must
// never navigate the page (Electron denies it, the preview must not leak it): they are handed to
// `external`, which asks the learner before the host opens the system browser.
import type { Attachment } from 'svelte/attachments';
import { addressOf, inAppAddress } from './routes.ts';

export interface ContentLinkHandlers {
  /** An https link was activated (click, Enter, or middle-click). */
  external(url: string): void;
  /** An in-app link to the address already shown was clicked: the route will not change. */
  current(address: string): void;
}

/** Attaches the link rules above to an element holding compiled HTML. */
export function contentLinks(handlers: ContentLinkHandlers): Attachment<HTMLElement> {
  return (node) => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || !node.contains(link)) return;
      const href = link.getAttribute('href');
      const address = inAppAddress(href);
      if (address !== null) {
        if (event.type === 'click' && address === addressOf(node.ownerDocument.location)) {
          handlers.current(address);
        }
        return;
      }
      if (href?.startsWith('#')) return;
      // Anything that is not an in-page address stays in the page, whatever the modifier keys.
      event.preventDefault();
      const isPrimary = event.type === 'click' || event.button === 1;
      if (isPrimary && link.protocol === 'https:') handlers.external(link.href);
    };
    node.addEventListener('click', onClick);
    node.addEventListener('auxclick', onClick);
    return () => {
      node.removeEventListener('click', onClick);
      node.removeEventListener('auxclick', onClick);
    };
  };
}
