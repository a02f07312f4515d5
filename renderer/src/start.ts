// The composition root: builds the page's objects once, hands each its dependencies, and brings
// the app to life: over the page the host rendered (hydrate), or from nothing (mount). main.ts
// loads it once it has taken what the host sent with the page.
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import type { LibraryView } from '../../electron/api.ts';
import { appParts } from './app-parts.ts';
import type { Client } from './lib/client.ts';
import type { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { Router } from './lib/router.svelte.ts';
import { SaveStatus } from './lib/save-status.svelte.ts';
import { pageStorage } from './lib/settings-root.ts';
import { SettingsState } from './lib/settings.svelte.ts';
import { WindowScroll } from './lib/window-scroll.ts';

/** How long the page waits for the lesson its address names before it shows itself without. */
const FIRST_LESSON_WAIT_MS = 150;

/** What the entry (main.ts) has for the app as it starts. */
export interface StartingPoint {
  client: Client;
  /** Lessons asked for ahead, the one the address names among them. */
  prefetch: LessonPrefetch;
  /** The library as the host sent it with the page, once the page is parsed; null if none. */
  firstLibrary: Promise<LibraryView | null>;
  /** Whether #app holds the host's rendering of the address's first view (rendersOnHost). */
  rendered: Promise<boolean>;
  /** Settles once the page's first frame has been painted. */
  firstPaint: Promise<void>;
}

export async function start({
  client,
  prefetch,
  firstLibrary,
  rendered,
  firstPaint,
}: StartingPoint): Promise<void> {
  // main.ts runs as soon as it has loaded (async), which can be before the parser reaches <body>.
  if (document.readyState === 'loading') {
    await new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', resolve, { once: true }),
    );
  }
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element to mount Studybook in.');

  const saves = new SaveStatus();
  const settings = new SettingsState(client, saves, {
    root: document.documentElement,
    systemDark: window.matchMedia('(prefers-color-scheme: dark)'),
    systemReducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)'),
    storage: pageStorage(window),
  });
  settings.start();

  // Studybook puts the learner back where they were itself (the reading tracker); the browser's
  // own restoring on reload would only fight it.
  history.scrollRestoration = 'manual';

  const router = new Router(window);
  router.start();

  const props = appParts({
    client,
    saves,
    settings,
    navigation: router,
    windowScroll: new WindowScroll(window),
    prefetch,
    // Settled along with the page's parsing, which has just been waited for: no wait on a host.
    firstLibrary: await firstLibrary,
  });
  props.courseImport.listen();
  client.onMenuCommand((command) => {
    if (command === 'toggle-theme') void settings.toggleTheme();
    else if (command === 'show-shortcuts') props.shortcuts.show();
  });

  // A lesson's address: open it now (main.ts already asked the host, or has it from the page),
  // and build the page once it is here, so that the first frame shows the lesson rather than an
  // empty page that then fills. A host slow to answer: the loading state.
  if (router.route.kind === 'lesson') {
    await Promise.race([
      props.lesson.open(router.route.courseId, router.route.lessonId),
      new Promise((resolve) => setTimeout(resolve, FIRST_LESSON_WAIT_MS)),
    ]);
  }

  if (await rendered) {
    // The host rendered what the address shows (electron/serve/page-html.ts), and the browser
    // paints it as it parses, as it would a static page. The app takes it over once that first
    // frame is painted, not before: hydrating first would hold the paint back by as long as
    // hydrating takes. Usually the frame is painted by now, and the app is live at once.
    await firstPaint;
    hydrate(App, { target, props });
  } else {
    // Markup for another view than the address's (an older `#/…` address): the app builds its
    // own. Built while out of the document, then put back in one step: one insertion into the
    // live page instead of hundreds, each of which the browser would note for style and layout.
    // Nothing measures the page during mount: Svelte runs effects and attachments only after it.
    target.replaceChildren();
    const placeholder = document.createComment('');
    target.replaceWith(placeholder);
    try {
      mount(App, { target, props });
    } finally {
      placeholder.replaceWith(target);
    }
  }
  // From here the page's controls work; until now a page the host rendered was only painted.
  // (The end-to-end tests wait for this after each load: tests/e2e/fixtures.ts.)
  document.documentElement.dataset.started = '';
}
