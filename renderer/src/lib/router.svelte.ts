// The current route, following the address bar. Clicks on in-app links are followed here at once
// (in-app-link.ts has the rule), as history entries of the one page; typed addresses reach the
// host, which answers each with the page; Back and Forward come through popstate.
import { inAppHref } from './in-app-link.ts';
import { addressOf, inAppAddress, parseRoute, type Route } from './routes.ts';

/** The part of `window` the router needs; tests and other hosts can hand in their own. */
export type RouterWindow = Pick<
  Window,
  'location' | 'history' | 'document' | 'addEventListener' | 'removeEventListener'
>;

/** What the page's parts need of the router: where the page is, and moving it elsewhere. */
export interface Navigation {
  readonly route: Route;
  /** The address shown now, as inAppAddress spells it. */
  readonly address: string;
  go(href: string): void;
  replace(href: string): void;
}

export class Router implements Navigation {
  readonly #window: RouterWindow;
  #address: string;
  #route = $state.raw<Route>({ kind: 'library' });

  constructor(win: RouterWindow) {
    this.#window = win;
    this.#address = addressOf(win.location);
    this.#route = parseRoute(this.#address);
  }

  /** The route the address bar names now. */
  get route(): Route {
    return this.#route;
  }

  /** The address shown now, as inAppAddress spells it. */
  get address(): string {
    return this.#address;
  }

  /** Goes to an in-app address now, as a new history entry. */
  go(href: string): void {
    const address = inAppAddress(href) ?? href;
    if (address === this.#address) return;
    this.#window.history.pushState(null, '', address);
    this.#show(address);
  }

  /** Shows an in-app address in place of the current one: Back skips it (a search's words dropped). */
  replace(href: string): void {
    const address = inAppAddress(href) ?? href;
    this.#window.history.replaceState(this.#window.history.state, '', address);
    this.#show(address);
  }

  /** Follows link clicks and history moves until the returned function is called. */
  start(): () => void {
    const win = this.#window;
    const follow = () => {
      const { pathname, search, hash } = win.location;
      const address = addressOf(win.location);
      // An address in the older `#/…` spelling (typed, or a link opened in place), or Electron's
      // `/index.html`, shows as the path the page spells it with.
      if (inAppAddress(hash) !== null || address !== `${pathname}${search}`) {
        win.history.replaceState(win.history.state, '', address);
      }
      this.#show(address);
    };
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const facts = {
        href: anchor.getAttribute('href'),
        target: anchor.target,
        download: anchor.hasAttribute('download'),
      };
      const href = inAppHref(event, facts);
      if (href === null) return;
      // Also for the address already shown: the browser would load the page again.
      event.preventDefault();
      this.go(href);
    };
    win.addEventListener('popstate', follow);
    win.addEventListener('hashchange', follow);
    win.document.addEventListener('click', onClick);
    follow();
    return () => {
      win.removeEventListener('popstate', follow);
      win.removeEventListener('hashchange', follow);
      win.document.removeEventListener('click', onClick);
    };
  }

  #show(address: string): void {
    if (address === this.#address) return;
    this.#address = address;
    this.#route = parseRoute(address);
  }
}
