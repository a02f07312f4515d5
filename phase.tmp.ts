import { loadCourse } from './electron/course/course-loader.ts';
import { DiagnosticList } from './electron/course/diagnostics.ts';
import { checkCourses } from './electron/course/index.ts';
import markdownIt from 'markdown-it';
import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument, LineCounter } from 'yaml';
const dir = process.argv[2]!;
await checkCourses([]);
const files = readdirSync(dir).filter(f => f.endsWith('.md')).map(f => readFileSync(dir + '/' + f, 'utf8'));
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const md = markdownIt();
  for (const f of files) md.render(f);
  const tmd = performance.now() - t;
  t = performance.now();
  for (const f of files) md.parse(f, {});
  const tparse = performance.now() - t;
  t = performance.now();
  for (const f of files) { for (const m of f.matchAll(/```(quiz|faq)\n([\s\S]*?)```/g)) { const lc = new LineCounter(); parseDocument(m[2]!, { schema: 'failsafe', lineCounter: lc }).toJS(); } const fm = f.split('---')[1]!; parseDocument(fm, {schema: 'failsafe'}).toJS(); }
  const tyaml = performance.now() - t;
  t = performance.now();
  const sink = new DiagnosticList();
  await loadCourse(dir, sink);
  const tload = performance.now() - t;
  t = performance.now();
  await checkCourses([dir]);
  const tall = performance.now() - t;
  console.log(`md render ${tmd.toFixed(0)}  md parse ${tparse.toFixed(0)}  yaml ${tyaml.toFixed(0)}  load(phase1) ${tload.toFixed(0)}  check total ${tall.toFixed(0)}`);
}
