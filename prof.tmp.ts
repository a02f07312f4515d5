import { checkCourses, writePack } from './electron/course/index.ts';
const dir = process.argv[2]!;
await checkCourses([]);
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  const r = await checkCourses([dir]);
  const t1 = performance.now();
  writePack(r.courses[0]!, '/tmp/sbtest/bench.studypack');
  console.log('compile', (t1 - t).toFixed(0), 'write', (performance.now() - t1).toFixed(0), r.diagnostics.length);
}
