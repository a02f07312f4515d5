import Database from 'better-sqlite3';
import { parseSnippet } from './electron/library/search-library.ts';
import { buildSearchQuery } from './electron/library/search-query.ts';
const db = new Database('/tmp/studybook-search-bench-QBznr5/data/library.sqlite');
const raw = db.prepare(`SELECT rowid, snippet(search_index, -1, char(1), char(2), '…', 16) AS snippet FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20`);
const app = db.prepare(`
      SELECT d.course_id AS courseId, c.title AS courseTitle,
             d.lesson_id AS lessonId, l.title AS lessonTitle,
             d.section_id AS sectionId, s.title AS sectionTitle, d.kind AS kind,
             snippet(search_index, -1, char(1), char(2), '…', 16) AS snippet
      FROM search_index
      CROSS JOIN search_docs AS d ON d.id = search_index.rowid
      CROSS JOIN courses AS c ON c.id = d.course_id
      CROSS JOIN lessons AS l ON l.course_id = d.course_id AND l.id = d.lesson_id
      LEFT JOIN sections AS s ON s.course_id = d.course_id AND s.lesson_id = d.lesson_id AND s.id = d.section_id
      WHERE search_index MATCH @match AND @courseId IS NULL ORDER BY search_index.rank LIMIT 20`);
const probe = db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM search_index WHERE search_index MATCH @match LIMIT 2001)');
const qs = ['zeugma', 'cafe', 'kubectl', 'setups', 'petrichor', 'naive', 'deploiement', 'os.environ', 'pip install', 'quixotic', 'syzygy', 'webhooks', 'idempotent'];
const tot = { raw: 0, app: 0, probe: 0, parse: 0 };
for (let r = 0; r < 30; r++) for (const q of qs) {
  const { match, phrases } = buildSearchQuery(q);
  let s = process.hrtime.bigint(); raw.all(match); tot.raw += Number(process.hrtime.bigint() - s);
  s = process.hrtime.bigint(); const rows = app.all({ match, courseId: null }) as any[]; tot.app += Number(process.hrtime.bigint() - s);
  s = process.hrtime.bigint(); for (const p of phrases) probe.get({ match: p }); tot.probe += Number(process.hrtime.bigint() - s);
  s = process.hrtime.bigint(); rows.map((x) => parseSnippet(x.snippet)); tot.parse += Number(process.hrtime.bigint() - s);
}
for (const [k, v] of Object.entries(tot)) console.log(k, (v / 1e6 / 30 / qs.length).toFixed(3), 'ms');
