import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCourse, type CourseSpec } from '../../tests/support/compiled-courses.ts';
import { courseYml, writeCourse } from '../../tests/support/courses.ts';
import { openTestLibrary } from '../../tests/support/library.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { compileCourse } from '../course/compile.ts';
import type { CompiledCourse } from '../course/model.ts';
import { LIBRARY_FORMAT_VERSION } from './library-schema.ts';
import { openLibraryDatabase, type LibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';
import { createLibrarySearch } from './search-library.ts';
import {
  htmlToText,
  indexedText,
  questionBody,
  reindexCourse,
  removeCourseFromIndex,
} from './search-index.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());
let folders = 0;
function folder(): string {
  folders += 1;
  const dir = path.join(temp.dir, `library-${folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const docker: CourseSpec = {
  id: 'docker',
  title: 'Docker basics',
  lessons: [
    {
      id: 'images',
      title: 'Building images',
      summary: 'Layers and caches',
      introHtml: '<p>Images are built from a <strong>Dockerfile</strong> &amp; a context.</p>',
      sections: [
        { id: 'layers', title: 'Layers', body: 'Each instruction adds a layer.' },
        { id: 'multi-stage', title: 'Multi-stage builds', body: 'RUN pip install --no-cache-dir' },
      ],
      questions: ['Which instruction starts a build stage?'],
      faq: [
        { question: 'Why is my image huge?', answerHtml: '<p>Use a <code>slim</code> base.</p>' },
      ],
    },
  ],
};
const [dockerLesson = { id: 'missing' }] = docker.lessons;
const git: CourseSpec = {
  id: 'git',
  title: 'Git essentials',
  lessons: [
    {
      id: 'commits',
      title: 'Commits',
      sections: [{ id: 'staging', title: 'Staging', body: 'git add stages a layer of changes' }],
    },
  ],
};

interface DocRow {
  id: number;
  course_id: string;
  lesson_id: string;
  section_id: string | null;
  kind: string;
}

function docs(db: LibraryDatabase, courseId?: string): DocRow[] {
  const rows = db
    .prepare<[], DocRow>(
      'SELECT id, course_id, lesson_id, section_id, kind FROM search_docs ORDER BY id',
    )
    .all();
  return courseId ? rows.filter((row) => row.course_id === courseId) : rows;
}

/** The index agrees with itself and with search_docs: FTS5's own check, and one row per doc. */
function expectConsistent(db: LibraryDatabase): void {
  expect(() =>
    db.prepare("INSERT INTO search_index (search_index) VALUES ('integrity-check')").run(),
  ).not.toThrow();
  const indexed = db
    .prepare<[], { rowid: number }>('SELECT rowid FROM search_index ORDER BY rowid')
    .all();
  expect(indexed.map((row) => row.rowid)).toEqual(docs(db).map((row) => row.id));
}

function kindsFound(db: LibraryDatabase, query: string): string[] {
  return createLibrarySearch(db)
    .search({ query })
    .groups.flatMap((group) =>
      group.results.map((r) => `${r.kind}:${r.lessonId}/${r.sectionId ?? '-'}`),
    );
}

describe('the search index', () => {
  it('indexes lesson titles and intros, section text with code, quiz questions and FAQ entries', () => {
    const { db } = openTestLibrary(folder(), [makeCourse(docker)]);
    expect(kindsFound(db, 'Building images')).toContain('lesson:images/-');
    expect(kindsFound(db, 'Dockerfile'), 'the intro, stripped of its HTML').toEqual([
      'lesson:images/-',
    ]);
    expect(kindsFound(db, 'no-cache-dir'), 'code in a section').toEqual([
      'section:images/multi-stage',
    ]);
    expect(kindsFound(db, 'build stage'), 'a quiz prompt').toEqual(['question:images/-']);
    expect(kindsFound(db, 'huge'), 'an FAQ question').toEqual(['faq:images/-']);
    expect(kindsFound(db, 'slim base'), 'an FAQ answer, stripped of its HTML').toEqual([
      'faq:images/-',
    ]);
    expectConsistent(db);
    db.close();
  });

  it('reindexes only the course that was installed, and nothing when the pack is unchanged', () => {
    const library = openTestLibrary(folder(), [makeCourse(docker), makeCourse(git)]);
    const { db } = library;
    const gitBefore = docs(db, 'git');
    const dockerBefore = docs(db, 'docker');

    expect(library.install(makeCourse(docker)).status).toBe('unchanged');
    expect(docs(db), 'an unchanged pack leaves every document alone').toEqual(
      [...dockerBefore, ...gitBefore].sort((a, b) => a.id - b.id),
    );

    const edited: CourseSpec = {
      ...docker,
      version: '1.1.0',
      lessons: [
        {
          ...dockerLesson,
          sections: [{ id: 'layers', title: 'Layers', body: 'Whiteouts hide files.' }],
        },
      ],
    };
    expect(library.install(makeCourse(edited)).status).toBe('installed');
    expect(docs(db, 'git'), 'the other course keeps its very rows').toEqual(gitBefore);
    const dockerAfter = docs(db, 'docker');
    expect(Math.min(...dockerAfter.map((row) => row.id))).toBeGreaterThan(
      Math.max(...dockerBefore.map((row) => row.id), ...gitBefore.map((row) => row.id)),
    );
    expect(kindsFound(db, 'whiteouts')).toEqual(['section:images/layers']);
    expect(kindsFound(db, 'no-cache-dir'), 'the old text is gone').toEqual([]);
    expectConsistent(db);
    db.close();
  });

  it('leaves the index as it was when an install fails while indexing', () => {
    const library = openTestLibrary(folder(), [makeCourse(docker), makeCourse(git)]);
    const { db } = library;
    const before = docs(db);
    // A failure in the middle of reindexing: the install's one transaction must take it all back.
    db.exec(`CREATE TEMP TRIGGER fail_indexing AFTER INSERT ON search_docs
             WHEN NEW.kind = 'faq' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const edited: CourseSpec = {
      ...docker,
      version: '1.1.0',
      lessons: [{ ...dockerLesson, title: 'Renamed lesson about volumes' }],
    };
    expect(() => library.install(makeCourse(edited))).toThrow(PackError);
    db.exec('DROP TRIGGER fail_indexing');

    expect(docs(db)).toEqual(before);
    expect(kindsFound(db, 'volumes'), 'nothing of the failed version is searchable').toEqual([]);
    expect(kindsFound(db, 'Building images'), 'the installed version still is').toContain(
      'lesson:images/-',
    );
    expectConsistent(db);
    db.close();
  });

  it('reindexes a course on its own, in a transaction of its own, and removes one course', () => {
    const { db } = openTestLibrary(folder(), [makeCourse(docker), makeCourse(git)]);
    const gitBefore = docs(db, 'git');
    reindexCourse(db, 'docker');
    expect(docs(db, 'git')).toEqual(gitBefore);
    expect(kindsFound(db, 'layer ').sort()).toEqual([
      'section:commits/staging',
      'section:images/layers',
    ]);

    removeCourseFromIndex(db, 'docker');
    expect(docs(db, 'docker')).toEqual([]);
    expect(kindsFound(db, 'layer ')).toEqual(['section:commits/staging']);
    expectConsistent(db);
    db.close();
  });

  it('starts a new index when the course replaced is the only one, all or nothing', () => {
    const library = openTestLibrary(folder(), [makeCourse(docker)]);
    const { db } = library;
    const before = docs(db);
    const edited: CourseSpec = {
      ...docker,
      version: '1.1.0',
      lessons: [{ ...dockerLesson, title: 'Renamed lesson about volumes' }],
    };
    db.exec(`CREATE TEMP TRIGGER fail_indexing AFTER INSERT ON search_docs
             WHEN NEW.kind = 'faq' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    expect(() => library.install(makeCourse(edited))).toThrow(PackError);
    db.exec('DROP TRIGGER fail_indexing');
    expect(docs(db), 'the failed update took the new index back').toEqual(before);
    expect(kindsFound(db, 'Building images')).toContain('lesson:images/-');
    expectConsistent(db);

    expect(library.install(makeCourse(edited)).status).toBe('installed');
    expect(kindsFound(db, 'volumes')).toEqual(['lesson:images/-']);
    expect(kindsFound(db, 'Building images'), 'the old title is gone').toEqual([]);
    expect(kindsFound(db, 'no-cache-dir')).toEqual(['section:images/multi-stage']);
    expectConsistent(db);

    removeCourseFromIndex(db, 'docker');
    expect(docs(db)).toEqual([]);
    expect(kindsFound(db, 'volumes')).toEqual([]);
    expectConsistent(db);
    db.close();
  });

  it('replaces a library of the layout before the index with one that has it', () => {
    const dataDir = folder();
    const old = new Database(path.join(dataDir, 'library.sqlite'));
    old.exec('CREATE TABLE courses (id TEXT)');
    old.pragma('user_version = 1');
    old.close();
    const db = openLibraryDatabase(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_FORMAT_VERSION);
    expect(docs(db)).toEqual([]);
    db.close();
  });
});

const SERVERS_LESSON = `---
title: Serving Python
---

## Process managers

Gunicorn runs several worker processes.

\`\`\`quiz
- id: reverse-proxy
  prompt: Which tool usually sits in front of Gunicorn?
  choices: [Flask, Nginx, Pip]
  answer: Nginx
  explain: It terminates **TLS** for the workers.
- id: asgi-servers
  prompt: Which of these are ASGI servers?
  choices: [Uvicorn, Hypercorn, Waitress]
  answer: [Uvicorn, Hypercorn]
- id: migrate
  prompt: Which Django command applies the schema changes?
  answer: manage.py makeitso
  accept: [django-admin engage]
\`\`\`
`;

/** A two-lesson course compiled from Markdown, its quiz in the second lesson. */
async function quizCourse(): Promise<CompiledCourse> {
  const dir = writeCourse({
    'course.yml': courseYml(['basics.md', 'servers.md'], 'python'),
    'basics.md': '---\ntitle: Basics\n---\n\n## Variables\n\nNames bound to values.\n',
    'servers.md': SERVERS_LESSON,
  });
  const { course, diagnostics } = await compileCourse(dir);
  expect(diagnostics).toEqual([]);
  if (!course) throw new Error('the course did not compile');
  return course;
}

describe('quiz questions in the index', () => {
  it('finds a question by a word of its choices, in the lesson that asks it', async () => {
    const { db } = openTestLibrary(folder(), [await quizCourse()]);
    expect(kindsFound(db, 'gunicorn front'), 'the prompt').toEqual(['question:servers/-']);
    expect(kindsFound(db, 'Flask'), 'a choice that is not the answer').toEqual([
      'question:servers/-',
    ]);
    expect(kindsFound(db, 'waitress'), 'a choice of a select-all question').toEqual([
      'question:servers/-',
    ]);
    expect(kindsFound(db, 'ASGI uvicorn'), 'words of the prompt and a choice').toEqual([
      'question:servers/-',
    ]);
    expectConsistent(db);
    db.close();
  });

  it('leaves out the explanation and the answers of a short-answer question', async () => {
    const { db } = openTestLibrary(folder(), [await quizCourse()]);
    expect(kindsFound(db, 'terminates'), 'the explanation').toEqual([]);
    expect(kindsFound(db, 'TLS'), 'the explanation').toEqual([]);
    expect(kindsFound(db, 'makeitso'), 'the answer of a short-answer question').toEqual([]);
    expect(kindsFound(db, 'engage'), 'its other accepted answers').toEqual([]);
    expect(kindsFound(db, 'django schema'), 'its prompt is found').toEqual(['question:servers/-']);
    db.close();
  });

  it('shows the prompt, then the choices, in the snippet of a match in a choice', async () => {
    const { db } = openTestLibrary(folder(), [await quizCourse()]);
    const [result] = createLibrarySearch(db)
      .search({ query: 'waitress' })
      .groups.flatMap((group) => group.results);
    expect(result).toMatchObject({ kind: 'question', lessonId: 'servers', sectionId: null });
    expect(result?.snippet).toEqual({
      text: 'Which of these are ASGI servers? Uvicorn Hypercorn Waitress',
      highlights: [[51, 59]],
    });
    db.close();
  });

  it('indexes the prompt alone when the choices are not a JSON list', async () => {
    const { db } = openTestLibrary(folder(), [await quizCourse()]);
    // The library's row damaged after the pack was checked: reindexing must neither throw nor
    // lose the question.
    db.prepare("UPDATE questions SET choices = '[Flask, Nginx' WHERE id = 'reverse-proxy'").run();
    db.prepare(
      'UPDATE questions SET choices = \'{"a": "Waitress"}\' WHERE id = \'asgi-servers\'',
    ).run();
    expect(() => reindexCourse(db, 'python')).not.toThrow();
    expect(kindsFound(db, 'gunicorn front')).toEqual(['question:servers/-']);
    expect(kindsFound(db, 'flask')).toEqual([]);
    expect(kindsFound(db, 'ASGI')).toEqual(['question:servers/-']);
    expect(kindsFound(db, 'waitress')).toEqual([]);
    expectConsistent(db);
    db.close();
  });

  it('comes back with choices when a library indexed the old way is rebuilt from its packs', async () => {
    const dir = folder();
    const library = openTestLibrary(dir, [await quizCourse()]);
    // A library of the previous layout, whose question documents held only their prompts.
    library.db.pragma('user_version = 3');
    library.db.close();
    const db = openLibraryDatabase(library.dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_FORMAT_VERSION);
    expect(db.prepare('SELECT count(*) FROM courses').pluck().get()).toBe(0);
    db.close();
    const rebuilt = openTestLibrary(dir, [await quizCourse()]);
    expect(kindsFound(rebuilt.db, 'waitress')).toEqual(['question:servers/-']);
    rebuilt.db.close();
  });
});

describe('questionBody', () => {
  it('is the prompt, then each choice on a line of its own', () => {
    expect(questionBody('Pick one', '["Flask","Nginx"]')).toBe('Pick one\nFlask\nNginx');
    expect(questionBody('Short answer', '[]')).toBe('Short answer');
    expect(questionBody('東京?', '["京"]')).toBe(indexedText('東京?\n京'));
  });

  it('keeps the prompt alone, or the choices that are text, whatever the column holds', () => {
    for (const choices of ['', 'not json', '[Flask', 'null', '"Flask"', '{"0":"Flask"}', '7']) {
      expect(questionBody('Pick one', choices), choices).toBe('Pick one');
    }
    expect(questionBody('Pick one', '[1, "Nginx", null, ["Pip"]]')).toBe('Pick one\nNginx');
  });
});

describe('Chinese and Japanese in the index', () => {
  const sentences = [
    '東京タワーは東京の名所です。',
    '我们在北京学习数据库。',
    'Python3の使い方を学ぶ',
  ];

  it('finds words of one, two and more characters anywhere in a sentence', () => {
    const { db } = openTestLibrary(folder(), [
      makeCourse({
        id: 'cjk',
        lessons: [
          {
            id: 'text',
            sections: sentences.map((body, index) => ({
              id: `s${index}`,
              title: `S${index}`,
              body,
            })),
          },
        ],
      }),
    ]);
    const sections = (query: string) =>
      createLibrarySearch(db)
        .search({ query })
        .groups.flatMap((group) => group.results.map((result) => result.sectionId))
        .sort();
    expect(sections('東京')).toEqual(['s0']);
    expect(sections('タワー')).toEqual(['s0']);
    expect(sections('塔'), 'a character the text does not have').toEqual([]);
    expect(sections('京'), 'a single character').toEqual(['s0', 's1']);
    expect(sections('数据库')).toEqual(['s1']);
    expect(sections('北京 数据')).toEqual(['s1']);
    expect(sections('京東'), 'characters in another order are another word').toEqual([]);
    expect(sections('使い方')).toEqual(['s2']);
    expect(sections('python3'), 'a Latin word written against Japanese').toEqual(['s2']);
    db.close();
  });

  it('needs segmenting because the trigram tokenizer finds nothing under three characters', () => {
    // The alternative the index did not take, shown on the same text: FTS5's trigram tokenizer.
    const trigram = new Database(':memory:');
    trigram.exec(
      "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'trigram remove_diacritics 1')",
    );
    for (const body of sentences) trigram.prepare('INSERT INTO t (body) VALUES (?)').run(body);
    const count = (query: string) =>
      trigram
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM t WHERE t MATCH ?')
        .get(`"${query}"`)?.n;
    expect(count('東京タ'), 'three characters work').toBe(1);
    expect(count('東京'), 'two characters find nothing').toBe(0);
    expect(count('京'), 'one character finds nothing').toBe(0);
    trigram.close();
  });

  it('sets each character apart with an invisible separator that unicode61 splits on', () => {
    expect(indexedText('Le 東京!')).toBe('Le \u200B東\u200B\u200B京\u200B!');
  });
});

describe('htmlToText', () => {
  it('keeps the text of compiled HTML, with entities decoded and blocks apart', () => {
    expect(
      htmlToText(
        '<p>Use <code>&lt;main&gt;</code> &amp; <em>caf&#233;</em>&#x21;</p><ul><li>one</li><li>two</li></ul>',
      ),
    ).toBe('Use <main> & café!\none\ntwo');
  });

  it('leaves an unknown entity as written', () => {
    expect(htmlToText('<p>&bogus; &#0;</p>')).toBe('&bogus; &#0;');
  });

  it('takes time linear in its input, whatever an unchecked pack puts there', () => {
    // Each took hours with regular expressions that scan to the end from every position.
    const hostile = [
      `a${' '.repeat(2_000_000)}b`,
      '<'.repeat(2_000_000),
      '<br '.repeat(500_000),
      `<p>${'\t'.repeat(1_000_000)}\n${' '.repeat(1_000_000)}x</p>`,
    ];
    const start = performance.now();
    expect(hostile.map((html) => htmlToText(html).length)).toEqual([
      2_000_002, 2_000_000, 1_999_999, 1,
    ]);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
