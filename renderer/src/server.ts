// The page as the host renders it (built by Vite to dist/page-server/render.js, loaded by
// electron/serve/page-renderer.ts): the same App, built from the same parts as the page builds
// it (app-parts.ts), with what the address shows first already in hand. The browser paints this
// markup as it parses, as it would a static page; the page's script then takes it over
// (start.ts, hydrate). Nothing here runs effects, so nothing here touches a window.
import { render } from 'svelte/server';
import type { FirstView, HostCall, RenderPage } from '../../electron/page-address.ts';
import App from './App.svelte';
import { appParts } from './app-parts.ts';
import { clientFor } from './lib/client.ts';
import { rendersOnHost } from './lib/first-view.ts';
import { LessonPrefetch } from './lib/lesson-prefetch.ts';
import type { Navigation } from './lib/router.svelte.ts';
import { parseRoute } from './lib/routes.ts';
import { SaveStatus } from './lib/save-status.svelte.ts';
import { SettingsState } from './lib/settings.svelte.ts';

export const renderPage: RenderPage = (address: string, first: FirstView, call: HostCall) => {
  const route = parseRoute(address);
  if (!rendersOnHost(route, first) || !first.outcome.ok) return null;
  const client = clientFor(call);
  const saves = new SaveStatus();
  const props = appParts({
    client,
    saves,
    // The defaults: only the settings dialog shows the values, and it renders closed.
    settings: new SettingsState(client, saves, null),
    navigation: fixedNavigation(address, route),
    // The page opens at its top (rendersOnHost).
    windowScroll: { scrolled: false },
    prefetch: new LessonPrefetch(),
    firstLibrary: first.kind === 'library' ? first.outcome.value : null,
  });
  if (first.kind === 'lesson') {
    const key = { courseId: first.courseId, lessonId: first.lessonId };
    props.lesson.show(key, first.outcome.value);
  }
  const { head, body } = render(App, { props });
  return { head, body };
};

/** The address being rendered: moving away from it only happens on the page. */
function fixedNavigation(address: string, route: Navigation['route']): Navigation {
  const cannotMove = () => {
    throw new Error('A page being rendered on the host cannot go to another address.');
  };
  return { route, address, go: cannotMove, replace: cannotMove };
}
