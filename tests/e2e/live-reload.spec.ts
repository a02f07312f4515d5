import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

test.use({ launch: { editableCourses: true, watch: true } });

test('saving a lesson reloads it in the open page; a compile error is shown over the last good version', async ({
  page,
  preview,
}) => {
  const courseDir = preview.courseDirs.find((dir) => path.basename(dir) === 'python-backend');
  if (!courseDir) throw new Error('the sample course python-backend is missing');
  const lessonFile = path.join(courseDir, 'deployment.md');
  const original = await readFile(lessonFile, 'utf8');

  await page.goto('/learn/python-backend/deployment');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1, 'the lesson opened').toHaveText('Python deployment: from local to production');

  await writeFile(
    lessonFile,
    original.replace(
      'title: "Python deployment: from local to production"',
      'title: "Shipping Python to production"',
    ),
  );
  await expect(h1, 'the saved change appears without a reload').toHaveText(
    'Shipping Python to production',
  );

  await writeFile(lessonFile, original.replace(/^title: .*$/m, 'title: [unclosed'));
  const errors = page.getByRole('alert').filter({ hasText: 'The course did not compile' });
  await expect(errors, 'the compile error is shown in the page').toBeVisible();
  await expect(errors, 'with the file, line and column').toContainText(/deployment\.md:\d+:\d+/);
  await expect(h1, 'the last good version stays readable').toHaveText(
    'Shipping Python to production',
  );

  await writeFile(lessonFile, original);
  await expect(errors, 'fixing the file clears the error').toHaveCount(0);
  await expect(h1, 'and shows the fixed lesson').toHaveText(
    'Python deployment: from local to production',
  );
});
