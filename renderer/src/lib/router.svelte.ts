// The current route, following the address bar's hash. Clicks on in-app links are followed here
// at once (in-app-link.ts has the rule); typed addresses, Back and Forward through the browser.
import { inAppHref } from './in-app-link.ts';
import { parseRoute, type Route } from './routes.ts';

/** The part of `window` the router needs; tests and other hosts can hand in their own. */
export type RouterWindow = Pick<
  Window,
  'location' | 'history' | 'document' | 'addEventListener' | 'removeEventListener'
>;

export class Router {
  readonly #window: RouterWindow;
  #hash: string;
  #route = $state.raw<Route>({ kind: 'library' });

  constructor(win: RouterWindow) {
    this.#window = win;
    this.#hash = win.location.hash;
    this.#route = parseRoute(this.#hash);
  }

  /** The route the address bar names now. */
  get route(): Route {
    return this.#route;
  }

  /** Goes to an in-app address (`#/…`) now, as a new history entry. */
  go(href: string): void {
    if (href === this.#window.location.hash) return;
    this.#window.history.pushState(null, '', href);
    this.#show(href);
  }

  /** Follows link clicks and hash changes until the returned function is called. */
  start(): () => void {
    const win = this.#window;
    const follow = () => this.#show(win.location.hash);
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const facts = {
        href: anchor.getAttribute('href'),
        target: anchor.target,
        download: anchor.hasAttribute('download'),
      };
      const href = inAppHref(event, facts, win.location.hash);
      if (!href) return;
      event.preventDefault();
      this.go(href);
    };
    win.addEventListener('hashchange', follow);
    // Back and Forward between entries `go` made: a hash change is not promised for those.
    win.addEventListener('popstate', follow);
    win.document.addEventListener('click', onClick);
    follow();
    return () => {
      win.removeEventListener('hashchange', follow);
      win.removeEventListener('popstate', follow);
      win.document.removeEventListener('click', onClick);
    };
  }

  #show(hash: string): void {
    if (hash === this.#hash) return;
    this.#hash = hash;
    this.#route = parseRoute(hash);
  }
}
