// The objects App is made of, built once: by the page as it starts (start.ts), and by the host
// when it renders the page it sends (server.ts), so that both build the same page.
import type { ComponentProps } from 'svelte';
import type { LibraryView } from '../../electron/api.ts';
import type App from './App.svelte';
import type { Client } from './lib/client.ts';
import { CourseImport } from './lib/course-import.svelte.ts';
import { CourseRemoval } from './lib/course-removal.svelte.ts';
import { LessonState } from './lib/lesson.svelte.ts';
import type { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { LibraryState } from './lib/library.svelte.ts';
import { LiveReload } from './lib/live-reload.svelte.ts';
import type { Navigation } from './lib/router.svelte.ts';
import { LIBRARY_HREF } from './lib/routes.ts';
import type { SaveStatus } from './lib/save-status.svelte.ts';
import { SearchState } from './lib/search.svelte.ts';
import type { SettingsState } from './lib/settings.svelte.ts';
import { Toggle } from './lib/toggle.svelte.ts';
import type { WindowScroll } from './lib/window-scroll.ts';

export type AppProps = ComponentProps<typeof App>;

export interface AppDependencies {
  client: Client;
  saves: SaveStatus;
  settings: SettingsState;
  navigation: Navigation;
  windowScroll: Pick<WindowScroll, 'scrolled'>;
  /** Lessons asked for ahead, the one the address names among them. */
  prefetch: LessonPrefetch;
  /** The library the host sent with the page; null when it sent none. */
  firstLibrary: LibraryView | null;
}

/** App's props, each part handed what it depends on. Starts nothing. */
export function appParts({
  client,
  saves,
  settings,
  navigation,
  windowScroll,
  prefetch,
  firstLibrary,
}: AppDependencies): AppProps {
  const lesson = new LessonState(client, saves, prefetch);
  const library = new LibraryState(client, () => saves.settled(), firstLibrary);
  // Whatever changes the courses also changes the lessons asked for ahead.
  const coursesChanged = () => {
    lesson.forgetPrefetched();
    return library.show();
  };
  return {
    router: navigation,
    library,
    lesson,
    windowScroll,
    live: new LiveReload(client),
    settings,
    shortcuts: new Toggle(),
    search: new SearchState({ client, navigate: (href) => navigation.go(href) }),
    courseImport: new CourseImport({
      client,
      installed: coursesChanged,
      showLibrary: () => navigation.go(LIBRARY_HREF),
    }),
    removal: new CourseRemoval({ client, removed: coursesChanged }),
  };
}
