// Progress that saves itself: sections read by scrolling, the lesson at 100% once read and
// answered, the place in the lesson kept across reloads and visits, and a "Saved" indicator
// that tells the truth when the store cannot be reached.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const DEPLOYMENT = '/learn/python-backend/deployment';
const RIGHT_ANSWERS = [
  'Uvicorn',
  'So that the dependency layer stays cached',
  'A serverless container platform',
];

/** Scrolls to the end of the page a screen at a time, as a reader would, pausing on each. */
async function readToTheEnd(page: Page): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    const atEnd = await page.evaluate(
      () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
    );
    if (atEnd) return;
    await page.keyboard.press('PageDown');
    await scrollSettled(page);
  }
  throw new Error('the page never reached its end');
}

/** Waits until the page has stopped scrolling, and a moment more for the reader to look. */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  for (let checks = 0; checks < 30; checks += 1) {
    const now = await scrollY(page);
    if (now === last) break;
    last = now;
    await page.waitForTimeout(80);
  }
  await page.waitForTimeout(250);
}

/** The position the page is scrolled to, in pixels. */
function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

/** Where an element's top is in the window, in pixels: where the learner is, in its terms. */
function topOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Math.round(element.getBoundingClientRect().top));
}

test('reading every section and answering the quiz takes the lesson to 100% with 0 min left', async ({
  page,
}) => {
  await page.goto(DEPLOYMENT);
  const main = page.getByRole('main');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  const progress = main.getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress, 'the lesson starts unread').toHaveAttribute('aria-valuenow', '0');

  await readToTheEnd(page);
  await expect(
    sections.getByRole('link', { name: /\(read\)$/ }),
    'scrolling to the end of each section marks it read',
  ).toHaveCount(4);
  await expect(progress, 'four of seven units done').toHaveAttribute('aria-valuenow', '57');
  await expect(main.getByText(/^\s*0 min left\s*$/), 'nothing is left to read').toBeVisible();

  const quiz = main.getByRole('region', { name: 'Test your knowledge' });
  for (const [index, answer] of RIGHT_ANSWERS.entries()) {
    await quiz.getByRole('radio', { name: answer }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(
      quiz.getByText('Correct', { exact: true }),
      `answer ${index + 1} is right`,
    ).toBeVisible();
    await quiz.getByRole('button', { name: /Next question|See your score/ }).click();
  }
  await expect(progress, 'every section read and every question answered').toHaveAttribute(
    'aria-valuenow',
    '100',
  );

  await page.reload();
  await expect(progress, 'the store agrees after a reload').toHaveAttribute('aria-valuenow', '100');
  await expect(main.getByText(/^\s*0 min left\s*$/), 'and nothing is left').toBeVisible();
  await expect(
    sections.getByRole('link', { name: /\(read\)$/ }),
    'with every section still read',
  ).toHaveCount(4);

  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Library' })
    .click();
  const card = page.getByRole('article', { name: 'Python Backend' });
  await expect(
    card.getByRole('listitem').filter({ hasText: 'Python deployment' }),
    'the library shows the lesson done',
  ).toContainText('Done');
  await expect(
    card.getByRole('progressbar', { name: 'Python Backend progress' }),
    'and the course partly done',
  ).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
});

test('reopening a lesson returns to the section and offset where the learner was', async ({
  page,
}) => {
  await page.goto(DEPLOYMENT);
  const region = page.getByRole('region', { name: 'Where to run it' });
  await expect(
    page.getByRole('region', { name: 'Web servers' }).getByRole('img'),
    'the lesson opened, its image loaded',
  ).toHaveJSProperty('complete', true);

  // Wheel down until the reading line (under the 72px of sticky header and margin) is well
  // inside "Where to run it".
  const distance = () =>
    region.evaluate(
      (section) => section.getBoundingClientRect().top - 72 + section.clientHeight * 0.4,
    );
  await page.mouse.move(640, 400);
  for (let step = 0; step < 20 && (await distance()) > 20; step += 1) {
    await page.mouse.wheel(0, Math.min(700, await distance()));
    await scrollSettled(page);
  }
  const where = await topOf(region);
  await expect(
    page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: /Where to run it/ }),
    'the section list marks the section being read',
  ).toHaveAttribute('aria-current', 'location');

  // Leaving saves at once; the library then offers to resume there. (By address: Playwright's
  // click on the sticky header's link would first scroll the page.)
  await page.goto('/');
  const resume = page.getByRole('link', { name: /^Resume/ });
  await expect(resume, 'the library offers to resume the lesson').toBeVisible();
  await expect(resume, 'at the exact section').toHaveAttribute(
    'href',
    '/learn/python-backend/deployment/environments',
  );
  await resume.click();
  await expect(region, 'the lesson reopened').toBeVisible();
  await expect
    .poll(() => topOf(region), { message: 'Resume returns to the same place in the section' })
    .toBeCloseTo(where, -1);

  for (const reopen of ['from the library', 'after a reload'] as const) {
    if (reopen === 'from the library') {
      await page.goto('/');
      await expect(resume, 'back in the library').toBeVisible();
      await page.goto(DEPLOYMENT);
    } else {
      await page.reload();
    }
    await expect(region, `the lesson opened ${reopen}`).toBeVisible();
    await expect
      .poll(() => topOf(region), { message: `opening it ${reopen} returns there too` })
      .toBeCloseTo(where, -1);
  }
});

test('the saved indicator says when a save failed, and saves what was missed once it can', async ({
  page,
}) => {
  await page.goto(DEPLOYMENT);
  const saved = page.getByRole('main').getByRole('status').filter({ hasText: /saved/i }).first();
  await expect(saved, 'opening the lesson was saved').toHaveText('Saved just now');

  await page.route('**/api/recordProgress', (route) => route.abort('connectionrefused'));
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 1800);
  await expect(saved, 'a failed write is not passed off as saved').toHaveText(
    'Not saved. Studybook will keep trying.',
  );
  const webServers = page.getByRole('region', { name: 'Web servers' });
  const where = await topOf(webServers);

  const recovered = page.waitForRequest(
    (request) =>
      request.url().endsWith('/api/recordProgress') &&
      (request.postDataJSON() as { position?: unknown }).position !== undefined,
  );
  await page.unroute('**/api/recordProgress');
  await recovered;
  await expect(saved, 'the retry succeeded and says so').toHaveText('Saved just now');

  await page.reload();
  await expect
    .poll(() => topOf(webServers), {
      message: 'the position that failed to save at first was kept',
    })
    .toBeCloseTo(where, -1);
});
