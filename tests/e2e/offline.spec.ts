import { expect, test } from './fixtures.ts';

test('no request leaves the page’s origin while the learner reads', async ({
  page,
  network,
  preview,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Python deployment: from local to production' }).click();
  await expect(page.getByRole('heading', { level: 1 }), 'the lesson opened').toHaveText(
    'Python deployment: from local to production',
  );
  await expect(
    page.getByRole('region', { name: 'Web servers' }).getByRole('img'),
    'the lesson’s image loaded',
  ).toHaveJSProperty('complete', true);
  await page.getByRole('link', { name: /Next lesson/ }).click();
  await expect(page.getByRole('heading', { level: 1 }), 'the next lesson opened').toHaveText(
    'Python logging',
  );

  expect(
    network.foreign,
    `nothing may be fetched outside ${preview.origin}:\n${network.foreign.join('\n')}`,
  ).toEqual([]);
  // The guard must have seen the page at work, or an empty list above would prove nothing.
  const paths = network.requests.map((url) => new URL(url).pathname);
  // The page came with the library listed in it; the lessons are asked for as the learner goes.
  expect(paths, 'the page, its API calls and the course’s assets were all seen').toEqual(
    expect.arrayContaining(['/', '/api/openLesson', '/assets/python-backend/code.css']),
  );
  expect(
    paths.some((path) => /^\/assets\/python-backend\/[^/]+\.svg$/.test(path)),
    'the lesson’s image came from the course’s assets on the same origin',
  ).toBe(true);
});

test('the network guard blocks and reports a request to another origin', async ({
  page,
  network,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

  const leaving = page.goto('https://example.invalid/');
  await expect(leaving, 'the guard aborts the request').rejects.toThrow();
  expect(network.takeForeign(), 'the guard recorded the foreign request').toEqual([
    'https://example.invalid/',
  ]);
});

test('an external link asks first and never navigates the page', async ({ page }) => {
  await page.goto('/learn/python-backend/logging');
  const link = page.getByRole('link', { name: 'logging.config reference' });
  await expect(link, 'the lesson has an external link').toHaveAttribute('href', /^https:/);

  await link.click();
  const dialog = page.getByRole('dialog', { name: 'Open in your browser?' });
  await expect(dialog, 'the learner is asked before anything opens').toContainText(
    'https://docs.python.org/3/library/logging.config.html',
  );
  await expect(
    dialog.getByRole('button', { name: 'Open in browser' }),
    'the question starts on its answer',
  ).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog, 'Cancel closes the question').toBeHidden();
  await expect(link, 'focus returns to the link').toBeFocused();
  await expect(page, 'the page stays on the lesson').toHaveURL(/\/learn\/python-backend\/logging$/);

  await link.press('Enter');
  await expect(dialog, 'the keyboard asks the same question').toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog, 'Esc declines').toBeHidden();

  const opened = page.waitForResponse((response) => response.url().endsWith('/api/openExternal'));
  await link.click();
  await dialog.getByRole('button', { name: 'Open in browser' }).click();
  expect((await opened).ok(), 'saying yes hands the link to the host').toBe(true);
  await expect(page, 'the page stays').toHaveURL(/\/learn\/python-backend\/logging$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'could not be opened' }),
    'the host accepted the link',
  ).toHaveCount(0);
});
