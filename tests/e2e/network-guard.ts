// Studybook works with no network at all, so an end-to-end test fails if the page asks for
// anything outside the preview's own origin. The CSP already stops most of that inside the page;
// this guard also catches what CSP does not govern (navigations, new windows, websockets) and
// blocks it, so that a failing test never reaches the internet either.
import type { BrowserContext, Page } from '@playwright/test';

/** Schemes that never leave the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export class NetworkGuard {
  readonly origin: string;
  readonly #sameOrigin: string[] = [];
  #foreign: string[] = [];

  private constructor(origin: string) {
    this.origin = origin;
  }

  /** Watches every page of `context`, present and future; blocks and records foreign requests. */
  static async install(context: BrowserContext, origin: string): Promise<NetworkGuard> {
    const guard = new NetworkGuard(origin);
    context.on('request', (request) => guard.#record(request.url()));
    const watchSockets = (page: Page) => {
      page.on('websocket', (socket) => guard.#record(socket.url()));
    };
    context.pages().forEach(watchSockets);
    context.on('page', watchSockets);
    await context.route(
      (url) => !guard.#allows(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    return guard;
  }

  /** Every same-origin URL the pages asked for, in order. */
  get requests(): readonly string[] {
    return this.#sameOrigin;
  }

  /** Every URL outside the origin the pages asked for (all of them were blocked). */
  get foreign(): readonly string[] {
    return this.#foreign;
  }

  /** Returns the foreign requests so far and forgets them: for tests that provoke one on purpose. */
  takeForeign(): string[] {
    const taken = this.#foreign;
    this.#foreign = [];
    return taken;
  }

  #allows(url: string): boolean {
    const parsed = new URL(url);
    return parsed.origin === this.origin || LOCAL_SCHEMES.has(parsed.protocol);
  }

  #record(url: string): void {
    if (this.#allows(url)) this.#sameOrigin.push(url);
    else this.#foreign.push(url);
  }
}
