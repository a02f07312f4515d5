import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Holds back the app's own chunk (start.ts) until the returned function is called: until then
 * the page stays as the host sent it, as it is for a moment on a slow machine.
 */
async function holdAppScript(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_app\/start-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// How the page is put together for its first moments (vite.config.ts): what a regression here
// costs is time, which no other test would notice.
test('the page comes with its lesson inside, and keeps its own files', async ({ page }) => {
  // The lessons the page asks for itself (the next one, asked ahead once it is idle, is fine).
  const asked: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/openLesson')) asked.push(request.postDataJSON());
  });
  const response = await page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );

  // The document as served, before the page's own script has touched it.
  const html = (await response?.text()) ?? '';
  const carried = html.indexOf('<script type="application/json" id="studybook-first-view">');
  expect(carried, 'the host sent the lesson inside the page').toBeGreaterThan(-1);
  expect(
    carried,
    'at the end of the body: the browser starts on the page’s script while the host reads it',
  ).toBeGreaterThan(html.indexOf('<div id="app">'));
  expect(
    asked.filter((input) => (input as { lessonId?: string }).lessonId === 'deployment'),
    'so the page did not ask for it again',
  ).toEqual([]);
  await expect(page.locator('#studybook-first-view'), 'and let go of the copy it read').toHaveCount(
    0,
  );

  const entries = [...html.matchAll(/<script type="module"([^>]*)>/g)].map((match) => match[1]);
  expect(entries, 'one entry script').toHaveLength(1);
  expect(entries[0], 'it runs as soon as it has loaded').toMatch(/\basync\b/);
  expect(entries[0], 'nothing is painted before it has run').toMatch(/\bblocking="render"/);
  expect(
    html,
    'the app’s own chunk is not preloaded: it would be compiled before the entry could run',
  ).not.toMatch(/rel="modulepreload"[^>]*\/start-[^/"]+\.js/);

  const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
  expect(icon, 'the tab icon is fingerprinted with the page’s own files').toMatch(
    /^\/_app\/favicon-[\w-]+\.png$/,
  );
  const served = await page.request.get(icon ?? '');
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['cache-control'], 'so the browser keeps it').toContain('immutable');
  expect(response?.headers()['cache-control'], 'while the page itself is always fresh').toBe(
    'no-store',
  );
});

test('an address in the older `#/…` spelling opens its lesson and shows as a path', async ({
  page,
}) => {
  await page.goto('/#/python-backend/logging/building-blocks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Python logging');
  await expect(page).toHaveURL(/\/learn\/python-backend\/logging\/building-blocks$/);
});

test('a lesson’s address typed in, or reloaded, opens that lesson', async ({ page }) => {
  await page.goto('/learn/python-backend/logging');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Python logging');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Python logging');
  const missing = await page.request.get('/learn/python-backend/logging/handlers/extra');
  expect(missing.status(), 'any address under /learn gets the page, to say what is not there').toBe(
    200,
  );
  expect((await page.request.get('/nothing-here')).status(), 'other paths are not pages').toBe(404);
});

test('the library’s page comes with the courses listed in it', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) calls.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
  expect(
    calls.filter((url) => url.endsWith('/api/listCourses')),
    'the page did not ask for the list again',
  ).toEqual([]);
});

test.describe('before the app’s script has run', () => {
  test.use({ javaScriptEnabled: false });

  test('the host has rendered the lesson and the library: a learner can already read', async ({
    page,
  }) => {
    await page.goto('/learn/python-backend/deployment');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Python deployment: from local to production',
    );
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await expect(sections.getByRole('link', { name: /Containerising with Docker/ })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: /Containerising with Docker/ }),
    ).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /Reading progress/ })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    // The code paints in its colours from the first frame: the course's stylesheet is in the head.
    await expect(page.locator('head link[href$="/code.css"]')).toHaveCount(1);
    await expect(page).toHaveTitle(/Studybook/);

    await page.goto('/');
    await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
  });

  test('a lesson that opens at a saved place is left to the app, which would scroll it', async ({
    page,
    preview,
  }) => {
    const saved = await page.request.post(`${preview.origin}/api/recordProgress`, {
      headers: { 'X-Studybook-Token': preview.token },
      data: {
        courseId: 'python-backend',
        lessonId: 'logging',
        position: { sectionId: 'levels', offset: 0.5 },
      },
    });
    expect(saved.ok()).toBe(true);
    await page.goto('/learn/python-backend/logging');
    await expect(page.locator('#app')).toBeEmpty();
    await expect(page.locator('#studybook-first-view'), 'the page still carries it').toHaveCount(1);
  });
});

test('the app takes over the page the host rendered, in place', async ({ page }) => {
  const release = await holdAppScript(page);
  const loaded = page.goto('/learn/python-backend/deployment');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1, 'painted before the app’s script has run').toHaveText(
    'Python deployment: from local to production',
  );
  await h1.evaluate((element) => Object.assign(element, { paintedByHost: true }));
  release();
  await loaded;

  // The app works: the keyboard shortcuts dialog opens with `?`.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(
    await h1.evaluate((element) => 'paintedByHost' in element),
    'on the very elements the host rendered, not on a copy built over them',
  ).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle(
    'Python deployment: from local to production · Python Backend · Studybook',
  );
});

test('the learner’s theme is on the page before the app’s script has run', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const release = await holdAppScript(page);
  const loaded = page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html'), 'painted dark from the first frame').toHaveAttribute(
    'data-theme',
    'dark',
  );
  release();
  await loaded;
});
