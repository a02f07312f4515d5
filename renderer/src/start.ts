// The composition root: builds the page's objects once, hands each its dependencies, mounts the
// app. main.ts loads it once it has taken what the host sent with the page.
import { mount } from 'svelte';
import App from './App.svelte';
import type { LibraryView } from '../../electron/api.ts';
import type { Client } from './lib/client.ts';
import { CourseImport } from './lib/course-import.svelte.ts';
import { CourseRemoval } from './lib/course-removal.svelte.ts';
import { LessonState } from './lib/lesson.svelte.ts';
import type { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { LibraryState } from './lib/library.svelte.ts';
import { LiveReload } from './lib/live-reload.svelte.ts';
import { Router } from './lib/router.svelte.ts';
import { LIBRARY_HREF } from './lib/routes.ts';
import { SaveStatus } from './lib/save-status.svelte.ts';
import { SearchState } from './lib/search.svelte.ts';
import { SettingsState } from './lib/settings.svelte.ts';
import { Toggle } from './lib/toggle.svelte.ts';
import { WindowScroll } from './lib/window-scroll.ts';

/** How long the page waits for the lesson its address names before it shows itself without. */
const FIRST_LESSON_WAIT_MS = 150;

/**
 * `firstLibrary`: the library as the host sent it with the page (main.ts), once the page is
 * parsed; null when it sent none.
 */
export async function start(
  client: Client,
  prefetch: LessonPrefetch,
  firstLibrary: Promise<LibraryView | null>,
): Promise<void> {
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
    storage: storageOrNull(),
  });
  settings.start();

  // Studybook puts the learner back where they were itself (the reading tracker); the browser's
  // own restoring on reload would only fight it.
  history.scrollRestoration = 'manual';
  const windowScroll = new WindowScroll(window);

  const router = new Router(window);
  router.start();

  const shortcuts = new Toggle();
  client.onMenuCommand((command) => {
    if (command === 'toggle-theme') void settings.toggleTheme();
    else if (command === 'show-shortcuts') shortcuts.show();
  });

  const lesson = new LessonState(client, saves, prefetch);
  // A lesson's address: open it now (main.ts already asked the host), and build the page once
  // it is here, so that the first frame shows the lesson rather than an empty page that then
  // fills (one layout and paint instead of two). A host slow to answer: the loading state.
  if (router.route.kind === 'lesson') {
    await Promise.race([
      lesson.open(router.route.courseId, router.route.lessonId),
      new Promise((resolve) => setTimeout(resolve, FIRST_LESSON_WAIT_MS)),
    ]);
  }

  // Settled along with the page's parsing, which has just been waited for: no wait on a host.
  const library = new LibraryState(client, () => saves.settled(), await firstLibrary);
  // Whatever changes the courses also changes the lessons asked for ahead.
  const coursesChanged = () => {
    lesson.forgetPrefetched();
    return library.show();
  };
  const courseImport = new CourseImport({
    client,
    installed: coursesChanged,
    showLibrary: () => router.go(LIBRARY_HREF),
  });
  courseImport.listen();
  const removal = new CourseRemoval({ client, removed: coursesChanged });

  // Built while out of the document, then put back in one step: one insertion into the live
  // page instead of hundreds, each of which the browser would note for style and layout. Nothing
  // measures the page during mount: Svelte runs effects and attachments only after it.
  const placeholder = document.createComment('');
  target.replaceWith(placeholder);
  try {
    mount(App, {
      target,
      props: {
        router,
        library,
        lesson,
        windowScroll,
        live: new LiveReload(client),
        settings,
        shortcuts,
        search: new SearchState({ client, navigate: (href) => router.go(href) }),
        courseImport,
        removal,
      },
    });
  } finally {
    placeholder.replaceWith(target);
  }
}

/** localStorage, or null where the page may not use it (reading it can throw). */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
