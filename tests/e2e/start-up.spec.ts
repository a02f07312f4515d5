import { expect, test } from './fixtures.ts';

// How the page is put together for its first moments (vite.config.ts): what a regression here
// costs is time, which no other test would notice.
test('the page asks for its lesson as early as it can, and keeps its own files', async ({
  page,
}) => {
  const response = await page.goto('/#/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );

  // The document as served, before the page's own script has touched it.
  const html = (await response?.text()) ?? '';
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
