// Opening course packs and removing courses from the library page, against the preview host: the
// page uploads the file, the host checks and installs it, the library shows it.
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeCourse } from '../support/compiled-courses.ts';
import type { CompiledCourse } from '../../electron/course/model.ts';
import { writePack } from '../../electron/course/pack-writer.ts';
import { expect, test } from './fixtures.ts';

function dockerCourse(version: string): CompiledCourse {
  const made = makeCourse({
    id: 'docker-basics',
    title: 'Docker basics',
    description: 'Images, containers and volumes.',
    lessons: [
      {
        id: 'images',
        title: 'Building images',
        sections: [{ id: 'layers', title: 'Layers', body: 'Each instruction adds a layer.' }],
      },
      { id: 'volumes', title: 'Keeping data in volumes', sections: 1 },
    ],
  });
  return {
    ...made,
    version,
    contentHash: createHash('sha256').update(`${made.contentHash} ${version}`).digest('hex'),
  };
}

/** Writes `course` as a pack in the test's data folder and returns its path. */
function packIn(dataDir: string, course: CompiledCourse): string {
  const file = path.join(dataDir, `docker-basics-${course.version}.studypack`);
  writePack(course, file);
  return file;
}

async function importFile(page: Page, file: string | { name: string; buffer: Buffer }) {
  // The visible button opens the system's file chooser; the test fills in the input behind it.
  await expect(page.getByRole('button', { name: 'Import course…' })).toBeEnabled();
  await page
    .getByLabel('Course pack file')
    .setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer },
    );
}

test('a course pack opened with “Import course…” appears in the library', async ({
  page,
  preview,
}) => {
  await page.goto('/');
  await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Docker basics' })).toHaveCount(0);

  await importFile(page, packIn(preview.dataDir, dockerCourse('1.0.0')));

  await expect(
    page.getByRole('status').filter({ hasText: 'installed' }),
    'the page says so',
  ).toHaveText('Docker basics 1.0.0 is installed.');
  const card = page.getByRole('article', { name: 'Docker basics' });
  await expect(card, 'the new course has its card').toBeVisible();
  const lessons = card.getByRole('list', { name: 'Lessons of Docker basics' });
  await expect(lessons.getByRole('link')).toHaveText([
    'Building images',
    'Keeping data in volumes',
  ]);
  await expect(
    card.getByRole('link', { name: 'Start Docker basics: Building images' }),
    'with a way to start it',
  ).toBeVisible();
  await lessons.getByRole('link', { name: 'Building images' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Building images');

  // And once more: the same version changes nothing, and says so.
  await page.goto('/');
  await importFile(page, packIn(preview.dataDir, dockerCourse('1.0.0')));
  await expect(page.getByRole('status').filter({ hasText: 'already' })).toHaveText(
    'Docker basics 1.0.0 is already installed. Nothing changed.',
  );
});

test('a file that is not a course pack gets a clear message and changes nothing', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
  const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00', 'latin1'), Buffer.alloc(300, 1)]);
  await importFile(page, { name: 'Week 3.studypack', buffer: zip });

  const alert = page.getByRole('alert');
  await expect(alert, 'the message names the file and says what it is').toContainText(
    'Week 3.studypack is a zip archive, not a Studybook course pack. If you were given a .zip, unzip it and open the .studypack file inside.',
  );
  await expect(alert, 'never a stack trace').not.toContainText(' at ');
  await expect(
    page
      .getByRole('list')
      .filter({ has: page.getByRole('article') })
      .getByRole('article'),
  ).toHaveCount(2);

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await importFile(page, { name: 'notes.studypack', buffer: Buffer.from('Lesson notes\n') });
  await expect(page.getByRole('alert')).toContainText('notes.studypack is a text file');
});

test('a course pack dropped on the page is installed', async ({ page, preview }) => {
  await page.goto('/');
  await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
  const bytes = await readFile(packIn(preview.dataDir, dockerCourse('1.0.0')));
  const transfer = await page.evaluateHandle(
    (data) => {
      const dropped = new DataTransfer();
      dropped.items.add(new File([new Uint8Array(data)], 'docker-basics.studypack'));
      return dropped;
    },
    [...bytes],
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('article', { name: 'Docker basics' })).toBeVisible();
});

test('an older version asks first; a newer one updates and keeps the progress', async ({
  page,
  preview,
}) => {
  await page.goto('/');
  await importFile(page, packIn(preview.dataDir, dockerCourse('1.1.0')));
  const card = page.getByRole('article', { name: 'Docker basics' });
  await expect(card).toContainText('Version 1.1.0');

  await importFile(page, packIn(preview.dataDir, dockerCourse('1.0.0')));
  const dialog = page.getByRole('dialog', { name: 'Install an older version of Docker basics?' });
  await expect(dialog, 'the learner is asked before going back a version').toBeVisible();
  await expect(dialog).toContainText('older than the 1.1.0 you have');
  await expect(
    dialog.getByRole('button', { name: 'Keep my version' }),
    'the safe answer has the focus',
  ).toBeFocused();
  const violations = (await new AxeBuilder({ page }).include('dialog').analyze()).violations;
  expect(violations.map((violation) => violation.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Keep my version' }).click();
  await expect(dialog).toBeHidden();
  await expect(card, 'nothing changed').toContainText('Version 1.1.0');

  await importFile(page, packIn(preview.dataDir, dockerCourse('1.0.0')));
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now version' })).toHaveText(
    'Docker basics is now version 1.0.0 (it was 1.1.0). Your progress is kept.',
  );
  await expect(card).toContainText('Version 1.0.0');
});

test('removing a course keeps the progress unless the learner erases it too', async ({
  page,
  preview,
}) => {
  const pack = packIn(preview.dataDir, dockerCourse('1.0.0'));
  await page.goto('/');
  await importFile(page, pack);
  const card = page.getByRole('article', { name: 'Docker basics' });
  await card.getByRole('link', { name: 'Start Docker basics: Building images' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Building images');
  await page.goto('/');
  await expect(card, 'opening a lesson started the course').toContainText('lessons done');

  await card.getByRole('button', { name: 'Remove Docker basics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Docker basics?' });
  await expect(
    dialog.getByRole('checkbox', { name: 'Also erase my progress in this course' }),
  ).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Remove course' }).click();
  await expect(card, 'the course is gone').toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'was removed' })).toContainText(
    'Docker basics was removed. Your progress is kept',
  );

  await importFile(page, pack);
  await expect(card, 'its progress came back with it').toContainText('lessons done');

  await card.getByRole('button', { name: 'Remove Docker basics' }).click();
  await dialog.getByRole('checkbox', { name: 'Also erase my progress in this course' }).check();
  await dialog.getByRole('button', { name: 'Remove course and progress' }).click();
  await expect(card).toHaveCount(0);
  await importFile(page, pack);
  await expect(card).toBeVisible();
  await expect(card, 'the progress was erased').not.toContainText('lessons done');
});
