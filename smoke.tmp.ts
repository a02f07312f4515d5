import { checkCourses, formatDiagnostic, writePack } from './electron/course/index.ts';
const r = await checkCourses(process.argv.slice(2));
for (const d of r.diagnostics) console.log(formatDiagnostic(d, process.cwd()));
const c = r.courses[0]!;
for (const l of c.lessons) { console.log('== INTRO', l.id, l.readingSeconds, l.introHtml); for (const s of l.sections) console.log('-- ', s.id, s.readingSeconds, '\n' + s.html, '\nTEXT:', JSON.stringify(s.text)); console.log(JSON.stringify(l.questions), JSON.stringify(l.related)); }
console.log(c.codeCss, c.assets.map(a => a.name), c.contentHash);
writePack(c, '/tmp/sbtest/demo.studypack');
