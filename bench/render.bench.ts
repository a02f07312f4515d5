// npm run bench:render — how fast the lesson page renders, against the same lesson's compiled
// HTML as one static page with the same CSS. Last line: one JSON summary.
//
// In headless Chromium (Debian's, with the flags of playwright.config.ts) against the preview
// host, for the sample deployment lesson and a generated 20,000-word lesson with 40 code blocks
// and 10 tables: navigation start → first section painted, and → the page responds to input
// (the main thread's first free turn after that paint once the page is live, or the end of the
// last long task, whichever is later). Also the switch to the next lesson, and the renderer's JS and CSS gzipped.
// Every load starts from a blank page on the same origin. Every figure is the median of RUNS
// warm loads (the HTTP cache holds the page's own files, as Electron's app:// protocol would
// serve them from disk); app and static loads alternate, so whatever else the machine is doing
// weighs on both alike. Each app load over the static load next to it is printed too: their
// spread says how steady the machine was. The goals are judged on the medians.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { LessonView } from '../electron/api.ts';
import { startPreview } from '../electron/preview/start-preview.ts';
import { buildPage } from '../scripts/build-page.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WORDS = 20_000;
const CODE_BLOCKS = 40;
const TABLES = 10;
const SECTIONS = 20;

const GOAL_RATIO = 1.5;
const GOAL_SAMPLE_MS = 150;
const GOAL_NEXT_MS = 50;
const GOAL_JS_KB = 100;

const REPO = path.resolve(import.meta.dirname, '..');

interface LoadTimes {
  sectionMs: number;
  interactiveMs: number;
}

/** What the probe logs once it has its figures. */
const PROBE_DONE = 'studybook-bench: measured';

// Runs in the page before anything else: notes when the first lesson section's heading is
// painted, then when the main thread is first free after that with the page live, and every long
// task. The app's page is live once its script has started (the `data-started` its root gets):
// the host renders the page, which is painted before the app takes it over. It says when it is
// done through the console, because any Playwright call into the page before then would make
// Chromium compile Playwright's own in-page script on the main thread being timed.
const PROBE = `(() => {
  const bench = (window.__bench = { longTaskEnd: 0 });
  const afterPaint = (done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  // The root is read when needed: the probe runs before the document has one.
  const isLive = () =>
    !document.getElementById('app') || 'started' in document.documentElement.dataset;
  const whenLive = (done) => {
    if (isLive()) return done();
    const started = new MutationObserver(() => {
      if (!isLive()) return;
      started.disconnect();
      done();
    });
    started.observe(document.documentElement, { attributes: true, attributeFilter: ['data-started'] });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.longTaskEnd = Math.max(bench.longTaskEnd, entry.startTime + entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (!document.querySelector('section h2')) return;
    watch.disconnect();
    afterPaint((painted) => {
      bench.section = painted;
      whenLive(() =>
        setTimeout(() => {
          bench.free = performance.now();
          console.debug(${JSON.stringify(PROBE_DONE)});
        }, 0),
      );
    });
  });
  watch.observe(document, { childList: true, subtree: true });
})();`;

/** A long lesson in Markdown: prose in sections, with code blocks and tables spread through it. */
function largeLesson(): string {
  const vocabulary = (
    'deploy server worker process request response queue container image build test release ' +
    'pipeline cache layer proxy route handler logger config secret token network database ' +
    'migration schema index query transaction replica backup monitor metric alert trace span ' +
    'latency throughput memory thread event loop signal restart health check rollout version'
  ).split(' ');
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const sentence = (words: number) => {
    const picked = Array.from({ length: words }, () => vocabulary[next() % vocabulary.length]);
    const text = picked.join(' ');
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  };
  const wordsPerSection = Math.round(WORDS / SECTIONS);
  const parts = [
    '---',
    'title: A very long lesson',
    'summary: Twenty thousand words, forty code blocks and ten tables.',
    '---',
    '',
    sentence(40),
    '',
  ];
  let code = 0;
  let tables = 0;
  for (let section = 1; section <= SECTIONS; section += 1) {
    parts.push(`## Part ${section} {#part-${section}}`, '');
    let written = 0;
    let paragraph = 0;
    while (written < wordsPerSection) {
      const words = Math.min(12, wordsPerSection - written);
      const sentences = Array.from({ length: 6 }, () => sentence(words));
      parts.push(sentences.join(' '), '');
      written += words * 6;
      paragraph += 1;
      if (paragraph === 3 || paragraph === 8) {
        if (code < CODE_BLOCKS) {
          code += 1;
          parts.push(
            '```python title="example_' + code + '.py" {2}',
            'import logging',
            `logger = logging.getLogger("part_${code}")`,
            '',
            `def handle_${code}(request):`,
            '    """Handle one request and log what happened."""',
            '    logger.info("handling %s", request.path)',
            `    return {"status": "ok", "part": ${code}}`,
            '```',
            '',
          );
        }
      }
      if (paragraph === 5 && section % 2 === 0 && tables < TABLES) {
        tables += 1;
        parts.push(
          '| Setting | Default | What it does |',
          '| --- | --- | --- |',
          ...Array.from(
            { length: 6 },
            (_, row) => `| option_${row} | ${row * 10} | ${sentence(14)} |`,
          ),
          '',
        );
      }
    }
  }
  return parts.join('\n');
}

function writeCourse(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'course.yml'),
    [
      'id: bench-course',
      'title: Bench course',
      'description: A generated course for the render benchmark.',
      'version: 1.0.0',
      'lessons: [large.md, after.md]',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'large.md'), largeLesson());
  fs.writeFileSync(
    path.join(dir, 'after.md'),
    '---\ntitle: After the long lesson\n---\n\nA short lesson.\n\n## Only part {#only}\n\nDone.\n',
  );
}

/** The lesson's compiled HTML as one static page, with the renderer's own CSS and code colours. */
function staticPage(view: LessonView, stylesheets: string[]): string {
  const sections = view.lesson.sections
    .map(
      (section, index) =>
        `<section id="section-${section.id}"><h2>${index + 1}. ${section.title}</h2>` +
        `<div class="prose">${section.html}</div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.lesson.title}</title>
${[...stylesheets, view.course.codeStylesheet]
  .map((href) => `<link rel="stylesheet" href="${href}">`)
  .join('\n')}
</head>
<body>
<main><article>
<h1>${view.lesson.title}</h1>
<div class="prose">${view.lesson.introHtml}</div>
${sections}
</article></main>
</body>
</html>`;
}

// In-page code is written as strings (evaluated by the debugger protocol, so the page's CSP
// allows them): this file is type-checked for Node, without the DOM.
const READ_LOAD_TIMES = `(() => {
  const bench = window.__bench;
  // The first free turn after the paint, unless a long task still held the thread later.
  return { sectionMs: bench.section, interactiveMs: Math.max(bench.free, bench.longTaskEnd) };
})()`;

const SWITCH_TO_NEXT = (title: string) => `new Promise((resolve, reject) => {
  const start = performance.now();
  const watch = new MutationObserver(() => {
    const heading = document.querySelector('h1');
    if (heading?.textContent?.trim() !== ${JSON.stringify(title)}) return;
    if (!document.querySelector('section h2')) return;
    watch.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(null);
    });
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  const next = [...document.querySelectorAll('a')].find((link) =>
    link.textContent.includes('Next lesson'),
  );
  if (!next) reject(new Error('the lesson has no "Next lesson" link'));
  else next.click();
})`;

/** Opens `url` from a blank page and waits, without touching the page, until the probe is done. */
async function loadWithProbe(page: Page, url: string): Promise<void> {
  await page.goto(new URL('/blank.html', url).href);
  const measured = page.waitForEvent('console', {
    predicate: (message) => message.text() === PROBE_DONE,
    timeout: 20_000,
  });
  await page.goto(url, { waitUntil: 'commit' });
  await measured;
}

async function measureLoad(page: Page, url: string): Promise<LoadTimes> {
  await loadWithProbe(page, url);
  // Give long tasks that started by then the time to end and be reported.
  await page.waitForTimeout(300);
  return (await page.evaluate(READ_LOAD_TIMES)) as LoadTimes;
}

/** From a lesson on screen, follows its "Next lesson" until that lesson's first section is painted. */
async function measureSwitch(page: Page, url: string, nextTitle: string): Promise<number> {
  await loadWithProbe(page, url);
  await page.waitForTimeout(200);
  return (await page.evaluate(SWITCH_TO_NEXT(nextTitle))) as number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** `measure` once to warm up (caches, JIT, the lesson's first open), then `runs` times. */
async function warmRuns<T>(runs: number, measure: () => Promise<T>): Promise<T[]> {
  await measure();
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await measure());
  return results;
}

function gzippedKB(dir: string, extension: string): number {
  let bytes = 0;
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith(extension)) {
      bytes += gzipSync(fs.readFileSync(path.join(dir, name)), { level: 9 }).length;
    }
  }
  return bytes / 1024;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'studybook-render-bench-'));
let browser: Browser | undefined;
let preview: Awaited<ReturnType<typeof startPreview>> | undefined;
try {
  await buildPage();
  const built = path.join(REPO, 'dist/renderer');
  const rendererDir = path.join(work, 'renderer');
  fs.cpSync(built, rendererDir, { recursive: true });
  // Each load starts from a blank page of the same origin: a navigation from another site
  // would time Chromium starting a new renderer process, which Electron's window never does.
  fs.writeFileSync(path.join(rendererDir, 'blank.html'), '<!doctype html><title>blank</title>');
  const courseDir = path.join(work, 'bench-course');
  writeCourse(courseDir);

  preview = await startPreview({
    courseDirs: [path.join(REPO, 'content/python-backend'), courseDir],
    dataDir: path.join(work, 'data'),
    rendererDir,
    quiet: true,
  });
  const origin = new URL(preview.url).origin;
  const token = preview.token;
  const openLesson = async (courseId: string, lessonId: string): Promise<LessonView> => {
    const response = await fetch(`${origin}/api/openLesson`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Studybook-Token': token },
      body: JSON.stringify({ courseId, lessonId }),
    });
    const outcome = (await response.json()) as { ok: boolean; value: LessonView };
    if (!outcome.ok) throw new Error(`openLesson ${courseId}/${lessonId} failed`);
    return outcome.value;
  };

  const index = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const stylesheets = [...index.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].flatMap(
    (match) => (match[1] ? [match[1]] : []),
  );
  const lessons = [
    { name: 'sample', courseId: 'python-backend', lessonId: 'deployment' },
    { name: 'large', courseId: 'bench-course', lessonId: 'large' },
  ] as const;
  const views = new Map<string, LessonView>();
  for (const lesson of lessons) {
    const view = await openLesson(lesson.courseId, lesson.lessonId);
    views.set(lesson.name, view);
    fs.writeFileSync(
      path.join(rendererDir, `static-${lesson.name}.html`),
      staticPage(view, stylesheets),
    );
  }
  const sampleView = views.get('sample');
  const large = views.get('large');
  if (!sampleView?.lesson.next || !large?.lesson.next)
    throw new Error('a lesson has no next lesson');
  const sampleNext = sampleView.lesson.next.title;
  const largeNext = large.lesson.next.title;
  const largeWords = large.lesson.sections
    .map((section) => section.html.replace(/<[^>]+>/g, ' '))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
  const largeCode = large.lesson.sections.reduce(
    (count, section) => count + (section.html.match(/class="code-block"/g)?.length ?? 0),
    0,
  );
  const largeTables = large.lesson.sections.reduce(
    (count, section) => count + (section.html.match(/<table>/g)?.length ?? 0),
    0,
  );

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(PROBE);
  const page = await context.newPage();

  interface LessonResult {
    app: LoadTimes;
    static: LoadTimes;
    ratio: number;
    /** Each app load over the static load right after it, sorted: the machine's drift cancels. */
    paired: number[];
  }
  const results: Record<string, LessonResult> = {};
  for (const lesson of lessons) {
    const appUrl = `${origin}/learn/${lesson.courseId}/${lesson.lessonId}`;
    const staticUrl = `${origin}/static-${lesson.name}.html`;
    const app: LoadTimes[] = [];
    const plain: LoadTimes[] = [];
    await warmRuns(RUNS, async () => {
      app.push(await measureLoad(page, appUrl));
      plain.push(await measureLoad(page, staticUrl));
    });
    // The warm-up pair is not counted.
    app.shift();
    plain.shift();
    const appTimes = {
      sectionMs: median(app.map((t) => t.sectionMs)),
      interactiveMs: median(app.map((t) => t.interactiveMs)),
    };
    const staticTimes = {
      sectionMs: median(plain.map((t) => t.sectionMs)),
      interactiveMs: median(plain.map((t) => t.interactiveMs)),
    };
    results[lesson.name] = {
      app: appTimes,
      static: staticTimes,
      ratio: appTimes.sectionMs / staticTimes.sectionMs,
      paired: app
        .map((times, index) => times.sectionMs / (plain[index]?.sectionMs ?? NaN))
        .sort((a, b) => a - b),
    };
  }

  const nextSample = median(
    await warmRuns(RUNS, () =>
      measureSwitch(page, `${origin}/learn/python-backend/deployment`, sampleNext),
    ),
  );
  const nextLarge = median(
    await warmRuns(RUNS, () =>
      measureSwitch(page, `${origin}/learn/bench-course/large`, largeNext),
    ),
  );

  const jsKB = gzippedKB(path.join(built, '_app'), '.js');
  const cssKB = gzippedKB(path.join(built, '_app'), '.css');
  const sample = results.sample;
  const largeResult = results.large;
  if (!sample || !largeResult) throw new Error('a lesson was not measured');
  const ratio = Math.max(sample.ratio, largeResult.ratio);
  const verdict = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED');
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

  console.log(`render, median of ${RUNS} warm loads, Chromium headless at 1280×860`);
  for (const [name, result] of Object.entries(results)) {
    const label =
      name === 'sample'
        ? 'sample lesson (python-backend/deployment)'
        : `generated lesson (${largeWords} words, ${largeCode} code blocks, ${largeTables} tables)`;
    console.log(`  ${label}`);
    console.log(
      `    first section painted  app ${ms(result.app.sectionMs)}   static ${ms(result.static.sectionMs)}   ratio ${result.ratio.toFixed(2)}x`,
    );
    console.log(
      `    responds to input      app ${ms(result.app.interactiveMs)}   static ${ms(result.static.interactiveMs)}`,
    );
    console.log(
      `    load by load           app / static ${result.paired.map((value) => value.toFixed(2)).join(' ')}`,
    );
  }
  console.log(
    `  next lesson: sample ${nextSample.toFixed(1)} ms, generated ${nextLarge.toFixed(1)} ms ` +
      `(goal < ${GOAL_NEXT_MS} ms: ${verdict(nextSample < GOAL_NEXT_MS)})`,
  );
  console.log(
    `  ratio to static ${ratio.toFixed(2)}x (goal ≤ ${GOAL_RATIO}x: ${verdict(ratio <= GOAL_RATIO)}); ` +
      `sample lesson ${sample.app.sectionMs.toFixed(1)} ms (goal < ${GOAL_SAMPLE_MS} ms: ` +
      `${verdict(sample.app.sectionMs < GOAL_SAMPLE_MS)})`,
  );
  console.log(
    `  renderer JS ${jsKB.toFixed(1)} KB gzipped (goal < ${GOAL_JS_KB} KB: ${verdict(jsKB < GOAL_JS_KB)}), CSS ${cssKB.toFixed(1)} KB gzipped`,
  );
  const round = (value: number) => Number(value.toFixed(1));
  console.log(
    JSON.stringify({
      bench: 'render',
      runs: RUNS,
      sample_section_ms: round(sample.app.sectionMs),
      sample_interactive_ms: round(sample.app.interactiveMs),
      sample_static_section_ms: round(sample.static.sectionMs),
      sample_static_interactive_ms: round(sample.static.interactiveMs),
      large_words: largeWords,
      large_code_blocks: largeCode,
      large_tables: largeTables,
      large_section_ms: round(largeResult.app.sectionMs),
      large_interactive_ms: round(largeResult.app.interactiveMs),
      large_static_section_ms: round(largeResult.static.sectionMs),
      large_static_interactive_ms: round(largeResult.static.interactiveMs),
      next_lesson_ms: round(nextSample),
      next_large_lesson_ms: round(nextLarge),
      js_gzip_kb: round(jsKB),
      css_gzip_kb: round(cssKB),
      goals_met:
        ratio <= GOAL_RATIO &&
        sample.app.sectionMs < GOAL_SAMPLE_MS &&
        nextSample < GOAL_NEXT_MS &&
        jsKB < GOAL_JS_KB,
      // How steady the ratio was: each app load over the static load next to it (median, range).
      sample_paired_ratio: [
        Number(median(sample.paired).toFixed(3)),
        Number((sample.paired[0] ?? NaN).toFixed(3)),
        Number((sample.paired.at(-1) ?? NaN).toFixed(3)),
      ],
      ratio: Number(ratio.toFixed(3)),
    }),
  );
} finally {
  await browser?.close();
  await preview?.close();
  fs.rmSync(work, { recursive: true, force: true });
}
