// The current route, following the address bar's hash.
import { parseRoute, type Route } from './routes.ts';

/** The part of `window` the router needs; tests and other hosts can hand in their own. */
export type RouterWindow = Pick<Window, 'location' | 'addEventListener' | 'removeEventListener'>;

export class Router {
  readonly #window: RouterWindow;
  #route = $state.raw<Route>({ kind: 'library' });

  constructor(win: RouterWindow) {
    this.#window = win;
    this.#route = parseRoute(win.location.hash);
  }

  /** The route the address bar names now. */
  get route(): Route {
    return this.#route;
  }

  /** Follows hash changes (links, back and forward) until the returned function is called. */
  start(): () => void {
    const follow = () => {
      this.#route = parseRoute(this.#window.location.hash);
    };
    this.#window.addEventListener('hashchange', follow);
    follow();
    return () => this.#window.removeEventListener('hashchange', follow);
  }
}
