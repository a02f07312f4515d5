import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The text of each range of the search highlight, with the id of its section and whether it is in view. */
function searchHits(page: Page) {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('search-hit');
    return [...(highlight ?? [])].map((range) => {
      const box = (range as Range).getBoundingClientRect();
      return {
        text: (range as Range).toString(),
        section: range.startContainer.parentElement?.closest('section')?.id ?? null,
        inView: box.top >= 0 && box.bottom <= window.innerHeight,
      };
    });
  });
}

test('Ctrl+K searches as you type; the keyboard opens a result with its words highlighted', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Search your courses' });
  const field = dialog.getByRole('combobox', { name: 'Search', exact: true });
  await expect(field, 'Ctrl+K opens the search with the field focused').toBeFocused();

  await field.pressSequentially('in-flight requ');
  const options = dialog.getByRole('listbox', { name: 'Results' }).getByRole('option');
  await expect(options.first(), 'results arrive as you type, the last word a prefix').toContainText(
    'Containerising with Docker',
  );
  await expect(options.first().locator('mark'), 'the snippet marks the matched words').toHaveText([
    'in-flight',
    'requests',
  ]);
  await expect(
    dialog.getByRole('group', { name: 'Python Backend' }),
    'results are grouped by course',
  ).toBeVisible();

  const firstId = (await options.first().getAttribute('id')) ?? '';
  await expect(field, 'the first result is active').toHaveAttribute(
    'aria-activedescendant',
    firstId,
  );
  if ((await options.count()) > 1) {
    await field.press('ArrowDown');
    await expect(field, '↓ moves to the next result').not.toHaveAttribute(
      'aria-activedescendant',
      firstId,
    );
    await field.press('ArrowUp');
  }
  await expect(options.first(), '↑ comes back').toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');

  await expect(dialog, 'opening a result closes the search').toBeHidden();
  await expect(page, 'the result opens its lesson at its section').toHaveURL(
    /\/learn\/python-backend\/deployment\/containers\?highlight=in-flight\+requ$/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Python deployment: from local to production',
  );
  await expect
    .poll(() => searchHits(page), { message: 'the matched words are highlighted in the section' })
    .toContainEqual({ text: 'in-flight', section: 'section-containers', inView: true });
  const hits = await searchHits(page);
  expect(
    hits.some((hit) => hit.text.toLowerCase().startsWith('requ')),
    'the prefix is highlighted too',
  ).toBe(true);

  await page.mouse.wheel(0, 200);
  await expect.poll(() => searchHits(page), { message: 'scrolling on clears it' }).toEqual([]);
  await expect(page, 'and drops the words from the address').toHaveURL(
    /\/learn\/python-backend\/deployment\/containers$/,
  );
});

test('/ opens the search outside fields; a course filter; Esc closes and focus returns', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', {
    name: 'Library',
  });
  await crumb.focus();

  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search your courses' });
  const field = dialog.getByRole('combobox', { name: 'Search', exact: true });
  await expect(field, '/ opens the search').toBeFocused();
  await expect(field, 'the slash is not typed into the field').toHaveValue('');

  await field.fill('commit');
  await dialog.getByRole('combobox', { name: 'Course to search' }).selectOption('Git essentials');
  await expect(dialog.getByRole('group'), 'only the chosen course is searched').toHaveCount(1);
  await expect(dialog.getByRole('group', { name: 'Git essentials' })).toBeVisible();

  await field.fill('zzzzqqq');
  await expect(dialog.getByText(/Nothing matches “zzzzqqq” in “Git essentials”/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Search every course' }).click();
  await expect(dialog.getByText(/Nothing matches “zzzzqqq”\./)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog, 'Esc closes the search').toBeHidden();
  await expect(crumb, 'focus returns where it was').toBeFocused();

  const button = page.getByRole('button', { name: /^Search/ });
  await button.click();
  await expect(field, 'the header button opens it too, with what was typed').toHaveValue('zzzzqqq');
  await page.keyboard.press('Escape');
  await expect(button, 'and focus returns to the button').toBeFocused();
});

test('a hit in a FAQ or a quiz opens the lesson at its FAQ or quiz', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Search your courses' });
  const field = dialog.getByRole('combobox', { name: 'Search', exact: true });
  const options = dialog.getByRole('listbox', { name: 'Results' }).getByRole('option');

  await page.keyboard.press('Control+K');
  await field.fill('Celery or RQ');
  await options.filter({ hasText: 'FAQ' }).first().click();
  const faq = page.getByRole('heading', { level: 2, name: 'Frequently asked questions' });
  await expect(faq, 'the FAQ is brought into view').toBeInViewport();
  await expect(faq, 'and reading continues from its heading').toBeFocused();
  await expect(
    page.getByRole('button', { name: 'Should I choose Celery or RQ?' }),
    'the entry the search found is open',
  ).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page.getByRole('button', { name: "Does FastAPI's BackgroundTasks need Redis?" }),
    'an entry without the words stays closed',
  ).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Control+K');
  await field.fill('queue with default options');
  await options.filter({ hasText: 'Quiz' }).first().click();
  const quiz = page.getByRole('heading', { level: 2, name: 'Test your knowledge' });
  await expect(quiz, 'the quiz is brought into view').toBeInViewport();
  await expect(quiz).toBeFocused();
  await expect(
    page.getByText(/has no section/),
    'the quiz and FAQ are places of the lesson, not missing sections',
  ).toHaveCount(0);
});
