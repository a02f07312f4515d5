// The composition root: builds the page's objects once, hands each its dependencies, mounts the
// app. Loaded by main.ts once it has started loading the lesson the address names.
import { mount } from 'svelte';
import App from './App.svelte';
import { createClient } from './lib/client.ts';
import { CourseImport } from './lib/course-import.svelte.ts';
import { CourseRemoval } from './lib/course-removal.svelte.ts';
import { LessonState } from './lib/lesson.svelte.ts';
import { LibraryState } from './lib/library.svelte.ts';
import { LiveReload } from './lib/live-reload.svelte.ts';
import { Router } from './lib/router.svelte.ts';
import { followScroll } from './lib/scroll-memory.ts';
import { LIBRARY_HREF } from './lib/routes.ts';
import { SaveStatus } from './lib/save-status.svelte.ts';
import { SearchState } from './lib/search.svelte.ts';
import { SettingsState } from './lib/settings.svelte.ts';
import { Toggle } from './lib/toggle.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount Studybook in.');

const client = createClient(window);
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
followScroll(window);

const router = new Router(window);
router.start();

const shortcuts = new Toggle();
client.onMenuCommand((command) => {
  if (command === 'toggle-theme') void settings.toggleTheme();
  else if (command === 'show-shortcuts') shortcuts.show();
});

const lesson = new LessonState(client, saves);
// A lesson's address: open it now (main.ts already asked the host), before the page is built.
if (router.route.kind === 'lesson') void lesson.open(router.route.courseId, router.route.lessonId);

const library = new LibraryState(client, () => saves.settled());
const courseImport = new CourseImport({
  client,
  installed: () => library.show(),
  showLibrary: () => {
    window.location.hash = LIBRARY_HREF;
  },
});
courseImport.listen();
const removal = new CourseRemoval({ client, removed: () => library.show() });

mount(App, {
  target,
  props: {
    router,
    library,
    lesson,
    live: new LiveReload(client),
    settings,
    shortcuts,
    search: new SearchState({
      client,
      navigate: (href) => {
        window.location.hash = href;
      },
    }),
    courseImport,
    removal,
  },
});

/** localStorage, or null where the page may not use it (reading it can throw). */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
