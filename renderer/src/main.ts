// The composition root: builds the page's objects once, hands each its dependencies, mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { createClient } from './lib/client.ts';
import { LessonState } from './lib/lesson.svelte.ts';
import { LibraryState } from './lib/library.svelte.ts';
import { LiveReload } from './lib/live-reload.svelte.ts';
import { Router } from './lib/router.svelte.ts';
import { Theme } from './lib/theme.ts';
import './styles/base.css';
import './styles/prose.css';

const theme = new Theme(
  document.documentElement,
  window.matchMedia('(prefers-color-scheme: dark)'),
);
theme.start();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount Studybook in.');

const client = createClient(window);
const router = new Router(window);
router.start();

client.onMenuCommand((command) => {
  if (command === 'toggle-theme') theme.toggle();
  // 'show-shortcuts' opens the shortcuts dialog, which arrives with the full lesson page.
});

mount(App, {
  target,
  props: {
    router,
    library: new LibraryState(client),
    // Issue 5 replaces the browser's confirm with Studybook's own dialog.
    lesson: new LessonState(client, (question) => window.confirm(question)),
    live: new LiveReload(client),
  },
});
