import { checkCourses } from './electron/course/index.ts';
const dir = process.argv[2]!;
await checkCourses([]);
await checkCourses([dir]);
for (let i = 0; i < 3; i++) { const t = performance.now(); await checkCourses([dir]); console.log((performance.now() - t).toFixed(0)); }
