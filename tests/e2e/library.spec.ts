import type { Request } from '@playwright/test';
import { sampleCourses } from './courses.ts';
import { expect, test } from './fixtures.ts';

test('the library lists every sample course with its lessons and their reading times', async ({
  page,
}) => {
  const courses = await sampleCourses();
  expect(courses.length, 'content/ holds the two sample courses').toBeGreaterThanOrEqual(2);

  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Library' }),
    'the library is the start page',
  ).toBeVisible();
  await expect(page, 'the tab names the page').toHaveTitle('Library · Studybook');

  for (const course of courses) {
    const card = page.getByRole('article', { name: course.title });
    await expect(card, `the library shows a card for "${course.title}"`).toBeVisible();
    const lessons = card.getByRole('list', { name: `Lessons of ${course.title}` });
    await expect(
      lessons.getByRole('link'),
      `"${course.title}" lists its lessons as links, in course order`,
    ).toHaveText(course.lessonTitles);
    for (const item of await lessons.getByRole('listitem').all()) {
      await expect(item, 'each lesson shows its reading time').toContainText(/\d+ min read/);
    }
  }
  await expect(page.getByRole('alert'), 'every sample course installs cleanly').toHaveCount(0);
});

test('a lesson opens from the library, and the breadcrumb leads back', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('article', { name: 'Python Backend' })
    .getByRole('link', { name: 'Python deployment: from local to production' })
    .click();

  await expect(page, 'the address is the lesson’s deep link').toHaveURL(
    /\/learn\/python-backend\/deployment$/,
  );
  await expect(
    page.getByRole('heading', { level: 1 }),
    'the lesson opens with its title as the h1',
  ).toHaveText('Python deployment: from local to production');

  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Library' }),
    'the breadcrumb’s first crumb is the library',
  ).toBeVisible();
});

test('each course card offers the next step: start a new course, continue one begun', async ({
  page,
}) => {
  const courses = await sampleCourses();
  await page.goto('/');
  for (const course of courses) {
    await expect(
      page.getByRole('article', { name: course.title }).getByRole('link', { name: /^Start/ }),
      `"${course.title}" starts at its first lesson`,
    ).toHaveAccessibleName(`Start ${course.title}: ${course.lessonTitles[0]}`);
  }

  const backend = page.getByRole('article', { name: 'Python Backend' });
  await backend.getByRole('link', { name: 'Python deployment: from local to production' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );
  await page.goBack();
  const next = backend.getByRole('link', { name: /^Continue Python Backend/ });
  await expect(next, 'the lesson begun is where the course continues').toHaveAccessibleName(
    'Continue Python Backend: Python deployment: from local to production',
  );
  await expect(
    page.getByRole('article', { name: 'Git Essentials' }).getByRole('link', { name: /^Start/ }),
    'a course not begun still starts',
  ).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );
});

test('the library asks ahead for the lesson Resume opens, and for any lesson link the pointer reaches', async ({
  page,
}) => {
  const aheadFor = (lessonId: string) => (request: Request) => {
    if (!request.url().endsWith('/api/openLesson')) return false;
    const input = request.postDataJSON() as { lessonId?: string; ahead?: boolean };
    return input.lessonId === lessonId && input.ahead === true;
  };
  await page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );

  const resumeAhead = page.waitForRequest(aheadFor('deployment'));
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Library' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await resumeAhead;

  const logging = page
    .getByRole('article', { name: 'Python Backend' })
    .getByRole('link', { name: 'Python logging' });
  const loggingAhead = page.waitForRequest(aheadFor('logging'));
  await logging.hover();
  await loggingAhead;

  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/openLesson')) asked.push(request.postData() ?? '');
  });
  await page.getByRole('link', { name: /^Resume/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );
  expect(asked, 'the lesson asked for ahead opened without asking again').toEqual([]);
});
