// How fast the compiler builds a large course, against markdown-it alone on the same Markdown.
// Prints human-readable lines, then one JSON summary line last.
import markdownIt from 'markdown-it';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHighlighter } from 'shiki';
import { checkCourses, writePack } from '../electron/course/index.ts';

const LESSONS = 1000;
const RUNS = 3;

const DOCKERFILE = `# Example Dockerfile for a Python API
FROM python:3.12-slim

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

# Run with a production server
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "main:app"]`;

// Shaped like the deployment lesson: an intro, six sections (lists, a code block, a table, links),
// a three-question quiz and a three-entry FAQ.
function lesson(n: number): string {
  const next = `lesson-${String((n + 1) % LESSONS).padStart(4, '0')}.md`;
  return `---
title: Deployment ${n}
summary: From a laptop to production, part ${n}.
related: [lesson-${String((n + 2) % LESSONS).padStart(4, '0')}]
---
Deployment makes an application available to its users. "It works on my machine" is not
enough: a pipeline keeps environments consistent, secure and able to grow.

## The deployment pipeline
Code moves from a developer's laptop through **continuous integration**, a staging environment
and finally production. Each step runs the same artefact, so that what was tested is what runs.
See [the next part](${next}) for what comes after.

## Web servers: WSGI and ASGI {#web-servers}
Development servers are neither secure nor fast enough for production.

- **Gunicorn** (WSGI): the usual choice for Flask and Django, with a pre-fork worker model.
- **Uvicorn** (ASGI): an event-loop server for asynchronous frameworks such as FastAPI.
- **Nginx**: a reverse proxy in front of either, handling TLS, buffering and static files.

## Containers with Docker
A Docker image packages the Python version, the dependencies and the code as one unit.

\`\`\`dockerfile title="Dockerfile" {2,11}
${DOCKERFILE}
\`\`\`

## Deployment environments
| Type | Platform examples | Best for |
|------|-------------------|----------|
| PaaS | Heroku, Railway, Render | Small apps, prototypes |
| Serverless | AWS Lambda, Cloud Run | Event-driven work, spiky traffic |
| VPS | DigitalOcean, EC2, Linode | Full control |
| Orchestration | Kubernetes | Large fleets of services |

## CI/CD
Nobody copies files to a server by hand: a CI service runs the tests and deploys each change
to the main branch. Read more in the [pipeline section](#the-deployment-pipeline).

> [!TIP]
> Run database migrations as a deployment step, before the new code takes traffic.

## Keeping environments alike
*Environment parity* keeps development, staging and production as similar as possible, so that
bugs show up before production does. Configuration lives in the environment, not in the code.

\`\`\`quiz
- id: reverse-proxy
  prompt: Which tool usually sits in front of Gunicorn as a reverse proxy?
  choices: [Flask, Nginx, Pip, Docker]
  answer: Nginx
  explain: Nginx terminates TLS, buffers slow clients and serves static files.
- id: asgi-servers
  prompt: Which of these are ASGI servers?
  choices: [Uvicorn, Hypercorn, Waitress]
  answer: [Uvicorn, Hypercorn]
- id: migrate
  prompt: Which Django command applies database migrations?
  answer: python manage.py migrate
  accept: [manage.py migrate]
\`\`\`

\`\`\`faq
- q: Why put Nginx in front of Gunicorn?
  a: It handles slow clients and static files far better than Python workers.
- q: What is environment parity?
  a: Keeping every environment **as similar as possible**.
- q: When do migrations run?
  a: As a step of the deployment, before the new code serves traffic.
\`\`\`
`;
}

function writeCourse(dir: string): string[] {
  const files = Array.from(
    { length: LESSONS },
    (_, n) => `lesson-${String(n).padStart(4, '0')}.md`,
  );
  writeFileSync(
    path.join(dir, 'course.yml'),
    `id: bench\ntitle: Bench\ndescription: Generated.\nversion: 1.0.0\nlessons:\n${files.map((f) => `  - ${f}\n`).join('')}`,
  );
  files.forEach((file, n) => writeFileSync(path.join(dir, file), lesson(n)));
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(run: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'studybook-bench-'));
try {
  const files = writeCourse(dir);
  const out = path.join(dir, 'bench.studypack');

  const start = performance.now();
  await checkCourses([]); // loads the shared highlighter, as the first build of a process does
  const startupSeconds = (performance.now() - start) / 1000;

  const buildSeconds = await time(async () => {
    const { courses, diagnostics } = await checkCourses([dir]);
    const course = courses[0];
    if (!course) throw new Error(`bench course has errors: ${diagnostics[0]?.message}`);
    writePack(course, out);
  });

  // Baseline: the same files, read and rendered by a plain markdown-it.
  const md = markdownIt();
  const markdownSeconds = await time(async () => {
    for (const file of files) md.render(await readFile(path.join(dir, file), 'utf8'));
  });

  const shiki = await createHighlighter({
    themes: ['github-light', 'github-dark'],
    langs: ['dockerfile'],
  });
  const highlighted = markdownIt({
    highlight: (code, lang) =>
      lang === 'dockerfile'
        ? shiki.codeToHtml(code, { lang, themes: { light: 'github-light', dark: 'github-dark' } })
        : '',
  });
  const highlightSeconds = await time(async () => {
    for (const file of files) highlighted.render(await readFile(path.join(dir, file), 'utf8'));
  });

  const rate = (seconds: number) => Math.round(LESSONS / seconds);
  console.log(`${LESSONS} lessons, median of ${RUNS} runs`);
  console.log(`highlighter startup (once per process): ${(startupSeconds * 1000).toFixed(0)} ms`);
  console.log(
    `build (compile + write pack): ${buildSeconds.toFixed(3)} s, ${rate(buildSeconds)} lessons/s`,
  );
  console.log(
    `markdown-it only:             ${markdownSeconds.toFixed(3)} s, ${rate(markdownSeconds)} lessons/s`,
  );
  console.log(
    `markdown-it + shiki:          ${highlightSeconds.toFixed(3)} s, ${rate(highlightSeconds)} lessons/s`,
  );
  console.log(
    JSON.stringify({
      bench: 'content',
      lessons: LESSONS,
      build_lessons_per_second: rate(buildSeconds),
      markdown_only_lessons_per_second: rate(markdownSeconds),
      markdown_shiki_lessons_per_second: rate(highlightSeconds),
      ratio: Number((markdownSeconds / buildSeconds).toFixed(3)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
