// The lesson page, feature by feature against the reference page: header, section list, code,
// tables, notes, quiz, FAQ, pager, related lessons and the help box, each found by its role.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';

const SECTIONS = [
  'Web servers: WSGI and ASGI',
  'Containerising with Docker',
  'Where to run it',
  'CI/CD: let the pipeline ship it',
];

test('the lesson page shows each part of the reference page, named for assistive technology', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');
  const main = page.getByRole('main');
  const article = main.getByRole('article');

  // Header: progress, reading time, time left, the saved indicator.
  const progress = main.getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress, 'a fresh lesson starts at 0%').toHaveAttribute('aria-valuenow', '0');
  await expect(article.getByText(/\d+ min read/), 'the lesson’s reading time').toBeVisible();
  await expect(article.getByText(/\d+ min left/), 'the time left').toBeVisible();
  await expect(
    main.getByRole('status').filter({ hasText: 'Saved' }),
    'the store’s last write, in words',
  ).toHaveText('Saved just now');

  // The section list.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link'), 'every section is a link, in order').toHaveText(
    SECTIONS.map((title, index) => new RegExp(`${index + 1}\\s*${escape(title)}`)),
  );
  await expect(
    nav.getByRole('button', { name: 'Test your knowledge' }),
    'the quiz is one step away',
  ).toBeVisible();

  // Code: language, title, read-only, copy; line numbers drawn by CSS, emphasised lines marked.
  const containers = main.getByRole('region', { name: 'Containerising with Docker' });
  const code = containers.getByRole('figure');
  await expect(code.getByText('Dockerfile').first(), 'the language label').toHaveCSS(
    'text-transform',
    'uppercase',
  );
  await expect(code, 'the block says it is read-only').toContainText('Read-only');
  await expect(code.getByRole('button', { name: 'Copy code' }), 'and offers a copy').toBeVisible();
  const numbering = await code.getByText('FROM python:3.12-slim').evaluate((line) => {
    const before = getComputedStyle(line, '::before');
    return { content: before.content, select: before.userSelect };
  });
  expect(numbering, 'line numbers are CSS counters nobody can select').toEqual({
    content: 'counter(line)',
    select: 'none',
  });
  await expect(code.locator('.line.emphasised'), 'lines 8, 9 and 14 stand out').toHaveCount(3);

  // A table with a header row, in a region that scrolls on its own.
  const environments = main.getByRole('region', { name: 'Where to run it' });
  await expect(
    environments.getByRole('table').getByRole('columnheader'),
    'the table has its header row',
  ).toHaveText(['Type', 'Platform examples', 'Best for']);
  await expect(
    environments.getByRole('region', { name: /^Table/ }),
    'the table can be scrolled from the keyboard',
  ).toHaveAttribute('tabindex', '0');
  await expect(environments.getByRole('note'), 'the admonition is a note').toContainText(
    'Serverless platforms have limits',
  );
  await expect(
    main.getByRole('region', { name: SECTIONS[0] }).getByRole('img'),
    'images carry their description',
  ).toHaveAttribute('alt', /Nginx/);

  // The quiz, one question at a time.
  const quiz = main.getByRole('region', { name: 'Test your knowledge' });
  await expect(quiz.getByRole('heading', { name: 'Question 1 of 3' }), 'its place').toBeVisible();
  const choices = quiz.getByRole('group').getByRole('radio');
  await expect(choices, 'a single-choice question is a radio group of four').toHaveCount(4);
  await expect(quiz.getByRole('group'), 'lettered A to D').toContainText(/A.*B.*C.*D/s);
  await expect(
    quiz.getByRole('button', { name: 'Check answer' }),
    'checked on request',
  ).toBeVisible();

  // FAQ disclosures.
  const faq = main.getByRole('region', { name: 'Frequently asked questions' });
  const first = faq.getByRole('button', { name: /Why put Nginx in front of it/ });
  await expect(first, 'answers start folded').toHaveAttribute('aria-expanded', 'false');
  await expect(faq.getByText(/scarce resource/), 'so the answer is hidden').toBeHidden();
  await first.click();
  await expect(first, 'a click unfolds the answer').toHaveAttribute('aria-expanded', 'true');
  await expect(faq.getByText(/scarce resource/), 'which is then shown').toBeVisible();

  // Footer: pager, related lessons, help.
  const related = main.getByRole('region', { name: 'Related lessons' });
  await expect(related.getByRole('link'), 'related lessons by title').toHaveText([
    'Python background tasks',
    'Python logging',
  ]);
  await expect(related.getByRole('listitem'), 'with their reading times').toContainText([
    /\d+ min read/,
    /\d+ min read/,
  ]);
  const course = parse(
    await readFile(
      path.resolve(import.meta.dirname, '../../content/python-backend/course.yml'),
      'utf8',
    ),
  ) as { contact: string };
  const help = main.getByRole('region', { name: 'Need help?' });
  await expect(help, 'the instructor’s contact from course.yml').toContainText(course.contact);
  await expect(
    help.getByRole('button', { name: 'Keyboard shortcuts' }),
    'offline help',
  ).toBeVisible();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
