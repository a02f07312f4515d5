// npm run bench:import — what installing a course pack costs, against copying the same pack with
// SQLite alone. A generated 1,000-lesson pack (sections shaped like the deployment lesson: lists,
// a highlighted code block, a table; a quiz and an FAQ per lesson) is installed into an empty
// library, then an updated version of it into the full one; the baseline is a raw
// `VACUUM INTO` copy of the same pack, measured in the same run. Each figure is the median of
// RUNS rounds, the three interleaved so that whatever else the machine does weighs on all alike.
// For information, not in the goal's ratio: a third version installed once a small second course
// is installed too, which makes the index delete the old version's documents one by one instead of
// starting a new index (the course was then no longer the whole index; see search-index.ts).
//
// Installs run as the app runs a learner's (install-worker.ts): installPackConcurrently, the check
// on a second thread while this one copies and indexes. The app starts that thread beside each
// install's own worker; here one serves every round, so its start-up is not counted (nor is the
// install worker's). An install returns with its pages in the library's write-ahead log, and its
// caller checkpoints once it has reported the outcome: that checkpoint is timed apart, for
// information, as is the same install with the check first, on this thread (installPack).
// Prints human-readable lines, then one JSON summary line last.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompiledCourse, CompiledLesson } from '../electron/course/model.ts';
import { writePack } from '../electron/course/pack-writer.ts';
import { checkPack } from '../electron/library/check-pack.ts';
import { CheckThread } from '../electron/library/check-thread.ts';
import { installPack, installPackConcurrently } from '../electron/library/install-pack.ts';
import {
  checkpointLibrary,
  openLibraryDatabase,
  type LibraryDatabase,
} from '../electron/library/open-library.ts';
import { reindexCourse } from '../electron/library/search-index.ts';

const LESSONS = 1000;
const OTHER_COURSE_LESSONS = 20;
const SECTIONS = 6;
const RUNS = 5;
const GOAL_RATIO = 3;

const CODE = [
  '<span class="hl-1">FROM</span> python:3.12-slim',
  '<span class="hl-1">WORKDIR</span> /app',
  '<span class="hl-1">COPY</span> requirements.txt .',
  '<span class="hl-1">RUN</span> pip install --no-cache-dir -r requirements.txt',
  '<span class="hl-1">CMD</span> [<span class="hl-2">"gunicorn"</span>, <span class="hl-2">"main:app"</span>]',
];

function sectionHtml(lesson: number, section: number, edition: number): string {
  const code = CODE.map((line) => `<span class="line">${line}</span>`).join('\n');
  return (
    `<p>Code moves from a developer's laptop through <strong>continuous integration</strong>, a staging ` +
    `environment and finally production (part ${lesson}.${section}, edition ${edition}). Each step ` +
    `runs the same artefact, so that what was tested is what runs. See ` +
    `<a href="/learn/bench-course/lesson-${(lesson + 1) % LESSONS}">the next part</a>.</p>\n` +
    `<ul>\n<li><strong>Gunicorn</strong> (WSGI): the usual choice for Flask and Django.</li>\n` +
    `<li><strong>Uvicorn</strong> (ASGI): an event-loop server for FastAPI.</li>\n` +
    `<li><strong>Nginx</strong>: a reverse proxy in front of either, for TLS and static files.</li>\n</ul>\n` +
    `<figure class="code-block" data-language="dockerfile"><figcaption class="code-block-header">` +
    `<span class="code-block-language">Dockerfile</span></figcaption><pre class="code-block-body"><code>${code}</code></pre></figure>\n` +
    `<div class="table-scroll" tabindex="0" role="region" aria-label="Table: Platforms">\n<table>\n` +
    `<thead>\n<tr>\n<th>Type</th>\n<th>Examples</th>\n<th>Best for</th>\n</tr>\n</thead>\n<tbody>\n` +
    `<tr>\n<td>PaaS</td>\n<td>Render, Railway</td>\n<td>Small apps</td>\n</tr>\n` +
    `<tr>\n<td>Serverless</td>\n<td>AWS Lambda</td>\n<td>Spiky traffic</td>\n</tr>\n</tbody>\n</table>\n</div>\n`
  );
}

function lesson(n: number, edition: number): CompiledLesson {
  const sections = Array.from({ length: SECTIONS }, (_, index) => {
    const html = sectionHtml(n, index, edition);
    return {
      id: `section-${index + 1}`,
      title: `Step ${index + 1} of deployment ${n}`,
      html,
      text: html.replace(/<[^>]+>/g, ''),
      readingSeconds: 60,
    };
  });
  return {
    id: `lesson-${n}`,
    title: `Deployment ${n}`,
    summary: `From a laptop to production, part ${n}.`,
    sourceFile: `lesson-${n}.md`,
    introHtml: `<p>Deployment makes an application available to its users (part ${n}).</p>\n`,
    readingSeconds: SECTIONS * 60,
    sections,
    questions: [
      {
        id: 'reverse-proxy',
        kind: 'single',
        prompt: 'Which tool usually sits in front of Gunicorn?',
        choices: ['Flask', 'Nginx', 'Pip', 'Docker'],
        answer: 'Nginx',
        explainHtml: '<p>Nginx terminates TLS and serves static files.</p>\n',
      },
      {
        id: 'asgi-servers',
        kind: 'multiple',
        prompt: 'Which of these are ASGI servers?',
        choices: ['Uvicorn', 'Hypercorn', 'Waitress'],
        answer: ['Uvicorn', 'Hypercorn'],
        explainHtml: '',
      },
      {
        id: 'migrate',
        kind: 'text',
        prompt: 'Which Django command applies migrations?',
        answer: 'python manage.py migrate',
        accept: ['manage.py migrate'],
        explainHtml: '',
      },
    ],
    faq: [1, 2, 3].map((k) => ({
      question: `Why step ${k}?`,
      answerHtml: `<p>Because step ${k} keeps workers free for requests.</p>\n`,
    })),
    related: [{ courseId: 'bench-course', lessonId: `lesson-${(n + 2) % LESSONS}` }],
  };
}

function course(version: string, edition: number): CompiledCourse {
  const lessons = Array.from({ length: LESSONS }, (_, n) => lesson(n, edition));
  return {
    id: 'bench-course',
    title: 'Benchmark course',
    description: 'A generated course of a thousand lessons.',
    version,
    contact: null,
    contentHash: createHash('sha256').update(`bench ${version} ${edition}`).digest('hex'),
    codeCss: '.hl-1 { color: #d73a49 } .hl-2 { color: #032f62 }',
    lessons,
    assets: [],
  };
}

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

async function secondsAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'studybook-bench-import-'));
const checkThread = new CheckThread();
const checker = checkThread.check;
const checkpoints: number[] = [];
/** Installs as the app does, then checkpoints as its caller does: the install's time. */
async function timedInstall(library: LibraryDatabase, packFile: string): Promise<number> {
  const took = await secondsAsync(() => installPackConcurrently(library, packFile, { checker }));
  checkpoints.push(seconds(() => checkpointLibrary(library)));
  return took;
}
try {
  const first = path.join(dir, 'course-1.0.0.studypack');
  const updated = path.join(dir, 'course-1.1.0.studypack');
  writePack(course('1.0.0', 1), first);
  writePack(course('1.1.0', 2), updated);
  const third = path.join(dir, 'course-1.2.0.studypack');
  writePack(course('1.2.0', 3), third);
  const other = path.join(dir, 'other-course.studypack');
  const small = course('1.0.0', 1);
  writePack(
    {
      ...small,
      id: 'other-course',
      lessons: small.lessons.slice(0, OTHER_COURSE_LESSONS),
      contentHash: createHash('sha256').update('other course').digest('hex'),
    },
    other,
  );
  const packBytes = statSync(first).size;

  const vacuum: number[] = [];
  const check: number[] = [];
  const install: number[] = [];
  const update: number[] = [];
  const reindex: number[] = [];
  const besideOther: number[] = [];
  const sequential: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const copy = path.join(dir, `copy-${run}.sqlite`);
    const pack = new Database(first, { readonly: true });
    vacuum.push(seconds(() => pack.prepare('VACUUM INTO ?').run(copy)));
    pack.close();
    rmSync(copy);

    check.push(seconds(() => checkPack(first)));

    const dataDir = path.join(dir, `library-${run}`);
    mkdirSync(dataDir);
    const library = openLibraryDatabase(dataDir);
    install.push(await timedInstall(library, first));
    update.push(await timedInstall(library, updated));
    // The search index (issue 6) is rebuilt inside every install's transaction: its share.
    reindex.push(seconds(() => reindexCourse(library, 'bench-course')));
    installPack(library, other);
    checkpointLibrary(library);
    besideOther.push(await timedInstall(library, third));
    library.close();
    rmSync(dataDir, { recursive: true, force: true });

    const sequentialDir = path.join(dir, `sequential-${run}`);
    mkdirSync(sequentialDir);
    const alone = openLibraryDatabase(sequentialDir);
    sequential.push(seconds(() => installPack(alone, first)));
    alone.close();
    rmSync(sequentialDir, { recursive: true, force: true });
  }

  const vacuumSeconds = median(vacuum);
  const checkSeconds = median(check);
  const installSeconds = median(install);
  const updateSeconds = median(update);
  const reindexSeconds = median(reindex);
  const besideOtherSeconds = median(besideOther);
  const checkpointSeconds = median(checkpoints);
  const sequentialSeconds = median(sequential);
  const besideOtherRatio = besideOtherSeconds / vacuumSeconds;
  const installRatio = installSeconds / vacuumSeconds;
  const updateRatio = updateSeconds / vacuumSeconds;
  const ratio = Math.max(installRatio, updateRatio);
  const verdict = ratio <= GOAL_RATIO ? 'goal met' : 'GOAL MISSED';

  console.log(
    `pack: ${LESSONS} lessons, ${LESSONS * SECTIONS} sections, ${(packBytes / 1024 ** 2).toFixed(1)} MB; median of ${RUNS} runs`,
  );
  console.log(`  raw VACUUM INTO copy        ${vacuumSeconds.toFixed(3)} s  (baseline)`);
  console.log(
    `  install into empty library  ${installSeconds.toFixed(3)} s  (${installRatio.toFixed(2)}x)`,
  );
  console.log(
    `  update into full library    ${updateSeconds.toFixed(3)} s  (${updateRatio.toFixed(2)}x)`,
  );
  console.log(`    of which checking alone    ${checkSeconds.toFixed(3)} s`);
  console.log(`    of which search reindex    ${reindexSeconds.toFixed(3)} s`);
  console.log(`  worst ratio ${ratio.toFixed(2)}x (goal ≤ ${GOAL_RATIO}x: ${verdict})`);
  console.log(
    `  for information: update beside a ${OTHER_COURSE_LESSONS}-lesson course  ${besideOtherSeconds.toFixed(3)} s  (${besideOtherRatio.toFixed(2)}x)`,
  );
  console.log(
    `  for information: checkpoint after an install, once reported  ${checkpointSeconds.toFixed(3)} s`,
  );
  console.log(
    `  for information: install with the check first, on one thread  ${sequentialSeconds.toFixed(3)} s  (${(sequentialSeconds / vacuumSeconds).toFixed(2)}x)`,
  );
  console.log(
    JSON.stringify({
      bench: 'import',
      lessons: LESSONS,
      pack_bytes: packBytes,
      vacuum_into_s: Number(vacuumSeconds.toFixed(4)),
      check_s: Number(checkSeconds.toFixed(4)),
      search_reindex_s: Number(reindexSeconds.toFixed(4)),
      install_s: Number(installSeconds.toFixed(4)),
      update_s: Number(updateSeconds.toFixed(4)),
      install_ratio: Number(installRatio.toFixed(3)),
      update_ratio: Number(updateRatio.toFixed(3)),
      update_beside_other_s: Number(besideOtherSeconds.toFixed(4)),
      update_beside_other_ratio: Number(besideOtherRatio.toFixed(3)),
      checkpoint_after_s: Number(checkpointSeconds.toFixed(4)),
      sequential_install_s: Number(sequentialSeconds.toFixed(4)),
      ratio: Number(ratio.toFixed(3)),
    }),
  );
} finally {
  await checkThread.close();
  rmSync(dir, { recursive: true, force: true });
}
