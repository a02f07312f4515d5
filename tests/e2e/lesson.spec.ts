import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const DEPLOYMENT = 'Python deployment: from local to production';

test('a lesson opens by deep link with its breadcrumb, title and numbered sections', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');

  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb, 'the breadcrumb reads library › course › lesson').toHaveText(
    /Library\s*›\s*Python Backend\s*›\s*Python deployment/,
  );
  await expect(
    breadcrumb.getByText(DEPLOYMENT),
    'the last crumb is marked as the current page',
  ).toHaveAttribute('aria-current', 'page');

  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1, 'the lesson title is the page’s only h1').toHaveText(DEPLOYMENT);
  await expect(page, 'the tab names the lesson and its course').toHaveTitle(
    `${DEPLOYMENT} · Python Backend · Studybook`,
  );

  const sections = [
    'Web servers: WSGI and ASGI',
    'Containerising with Docker',
    'Where to run it',
    'CI/CD: let the pipeline ship it',
  ];
  for (const [index, title] of sections.entries()) {
    const region = page.getByRole('region', { name: title });
    await expect(region, `"${title}" is a section named by its heading`).toBeVisible();
    await expect(
      region.getByRole('heading', { level: 2 }),
      'each section has a numbered h2, in the lesson’s order',
    ).toHaveText(`${index + 1}. ${title}`);
  }
  await expect(
    page.getByRole('region', { name: 'Web servers: WSGI and ASGI' }).getByRole('img'),
    'the section’s image is served from the course’s assets',
  ).toHaveJSProperty('complete', true);

  const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });
  await expect(pager.getByRole('link', { name: /Previous lesson/ }), 'course order').toContainText(
    'Python background tasks',
  );
  await expect(pager.getByRole('link', { name: /Next lesson/ }), 'course order').toContainText(
    'Python logging',
  );
});

test('a deep link to a section brings that section into view', async ({ page }) => {
  await page.goto('/learn/python-backend/deployment/environments');

  const heading = page.getByRole('heading', { level: 2, name: 'Where to run it' });
  await expect(heading, 'the linked section is scrolled into view').toBeInViewport();
  await expect(heading, 'reading continues from the linked section').toBeFocused();
  await expect(
    page.getByRole('heading', { level: 1 }),
    'the page is scrolled past the top of the lesson',
  ).not.toBeInViewport();
});

test('a link inside a lesson opens the lesson and section it names', async ({ page }) => {
  await page.goto('/learn/python-backend/deployment');
  await page
    .getByRole('region', { name: 'Containerising with Docker' })
    .getByRole('link', { name: 'logging lesson' })
    .click();

  await expect(page, 'the link is an internal deep link').toHaveURL(
    /\/learn\/python-backend\/logging\/production$/,
  );
  await expect(page.getByRole('heading', { level: 1 }), 'the linked lesson opens').toHaveText(
    'Python logging',
  );
  await expect(
    page.locator('#section-production').getByRole('heading', { level: 2 }),
    'its linked section is in view',
  ).toBeInViewport();
});

test('next and previous lesson links move through the course', async ({ page }) => {
  await page.goto('/learn/python-backend/deployment');
  const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });

  await pager.getByRole('link', { name: /Next lesson/ }).click();
  await expect(page.getByRole('heading', { level: 1 }), 'next lesson in course order').toHaveText(
    'Python logging',
  );
  await expect(
    page.getByRole('heading', { level: 1 }),
    'a new lesson starts at its top',
  ).toBeInViewport();

  await pager.getByRole('link', { name: /Previous lesson/ }).click();
  await expect(page.getByRole('heading', { level: 1 }), 'and back again').toHaveText(DEPLOYMENT);
});

test('the next lesson is fetched ahead, so following the link asks the host nothing, and Back returns', async ({
  page,
}) => {
  const asksFor = (lessonId: string) => (request: Request) =>
    request.url().endsWith('/api/openLesson') &&
    (request.postDataJSON() as { lessonId?: string }).lessonId === lessonId;
  const fetchedAhead = page.waitForRequest(asksFor('logging'));
  await page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEPLOYMENT);
  await fetchedAhead;

  const asked: string[] = [];
  page.on('request', (request) => {
    if (asksFor('logging')(request)) asked.push(request.url());
  });
  await page
    .getByRole('navigation', { name: 'Previous and next lessons' })
    .getByRole('link', { name: /Next lesson/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Python logging');
  await expect(page).toHaveURL(/\/learn\/python-backend\/logging$/);
  expect(asked, 'the lesson fetched ahead was shown without asking again').toEqual([]);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 }), 'Back returns').toHaveText(DEPLOYMENT);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 }), 'and Forward').toHaveText('Python logging');
});

test('a lesson linked from the page is asked for ahead once the pointer reaches its link', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEPLOYMENT);
  const related = page.getByRole('region', { name: 'Related lessons' }).getByRole('link').first();
  const lessonId = /^\/learn\/[^/]+\/([^/?]+)/.exec(
    (await related.getAttribute('href')) ?? '',
  )?.[1];
  if (!lessonId) throw new Error('the sample lesson lists no related lesson');

  const askedAhead = page.waitForRequest((request) => {
    if (!request.url().endsWith('/api/openLesson')) return false;
    const input = request.postDataJSON() as { lessonId?: string; ahead?: boolean };
    return input.lessonId === lessonId && input.ahead === true;
  });
  await related.hover();
  await askedAhead;
});

test('an unknown lesson says so and leads back to the library', async ({ page }) => {
  await page.goto('/learn/python-backend/no-such-lesson');

  await expect(
    page.getByRole('heading', { level: 1, name: 'Lesson not found' }),
    'a lesson that does not exist gets a not-found page, not an error',
  ).toBeVisible();
  await expect(page.getByRole('main'), 'the message names what was asked for').toContainText(
    'no-such-lesson',
  );

  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' }), 'back home').toBeVisible();
});

test('an address that names no page says so and leads to the library', async ({ page }) => {
  await page.goto('/learn/python-backend');

  await expect(
    page.getByRole('heading', { level: 1, name: 'There is nothing at this address' }),
    'a malformed address gets its own message',
  ).toBeVisible();
  await page.getByRole('link', { name: 'Go to the library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' }), 'back home').toBeVisible();
});
