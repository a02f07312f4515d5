import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseYml, fixture, temporaryFolder, writeCourse } from '../../tests/support/courses.ts';
import { checkCourses } from './compile.ts';
import type { CompiledCourse } from './model.ts';
import { PACK_APPLICATION_ID, PACK_FORMAT_VERSION } from './pack-format.ts';
import { writePack } from './pack-writer.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');

/** The course folders in content/, checked together as `npm run check` does. */
function contentCourses(): string[] {
  if (!existsSync(CONTENT)) return [];
  return readdirSync(CONTENT)
    .map((name) => path.join(CONTENT, name))
    .filter((dir) => existsSync(path.join(dir, 'course.yml')));
}

async function compileAll(dirs: string[]): Promise<CompiledCourse[]> {
  const { courses, diagnostics } = await checkCourses(dirs);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(courses).toHaveLength(dirs.length);
  return courses;
}

function expectPackHolds(file: string, course: CompiledCourse): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('application_id', { simple: true })).toBe(PACK_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(PACK_FORMAT_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    expect(
      db
        .prepare(
          'SELECT id, title, description, version, contact, content_hash, code_css FROM course',
        )
        .all(),
    ).toEqual([
      {
        id: course.id,
        title: course.title,
        description: course.description,
        version: course.version,
        contact: course.contact,
        content_hash: course.contentHash,
        code_css: course.codeCss,
      },
    ]);
    const builtAt = db.prepare('SELECT built_at FROM course').pluck().get() as string;
    expect(new Date(builtAt).toISOString()).toBe(builtAt);

    expect(
      db
        .prepare(
          'SELECT id, title, summary, source_file, intro_html, reading_seconds FROM lessons ORDER BY position',
        )
        .all(),
    ).toEqual(
      course.lessons.map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        summary: lesson.summary,
        source_file: lesson.sourceFile,
        intro_html: lesson.introHtml,
        reading_seconds: lesson.readingSeconds,
      })),
    );
    const sections = db.prepare(
      'SELECT id, title, html, text, reading_seconds FROM sections WHERE lesson_id = ? ORDER BY position',
    );
    const questions = db.prepare(
      'SELECT id, kind, prompt, choices, answer, accept, explain_html FROM questions WHERE lesson_id = ? ORDER BY position',
    );
    const faq = db.prepare(
      'SELECT question, answer_html FROM faq WHERE lesson_id = ? ORDER BY position',
    );
    const related = db.prepare(
      'SELECT course_id, target_lesson_id FROM related WHERE lesson_id = ? ORDER BY position',
    );
    for (const lesson of course.lessons) {
      expect(sections.all(lesson.id), lesson.id).toEqual(
        lesson.sections.map((s) => ({
          id: s.id,
          title: s.title,
          html: s.html,
          text: s.text,
          reading_seconds: s.readingSeconds,
        })),
      );
      expect(questions.all(lesson.id), lesson.id).toEqual(
        lesson.questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          choices: JSON.stringify(q.kind === 'text' ? [] : q.choices),
          answer: JSON.stringify(q.answer),
          accept: JSON.stringify(q.kind === 'text' ? q.accept : []),
          explain_html: q.explainHtml,
        })),
      );
      expect(faq.all(lesson.id), lesson.id).toEqual(
        lesson.faq.map((e) => ({ question: e.question, answer_html: e.answerHtml })),
      );
      expect(related.all(lesson.id), lesson.id).toEqual(
        lesson.related.map((r) => ({ course_id: r.courseId, target_lesson_id: r.lessonId })),
      );
    }
    const assets = db.prepare('SELECT name, mime, data FROM assets ORDER BY name').all() as {
      name: string;
      mime: string;
      data: Buffer;
    }[];
    expect(
      assets.map((a) => ({ name: a.name, mime: a.mime, data: new Uint8Array(a.data) })),
    ).toEqual(
      course.assets.map((a) => ({ name: a.name, mime: a.mime, data: new Uint8Array(a.data) })),
    );
    const html = course.lessons
      .flatMap((l) => [
        l.introHtml,
        ...l.sections.map((s) => s.html),
        ...l.questions.map((q) => q.explainHtml),
        ...l.faq.map((e) => e.answerHtml),
      ])
      .join('');
    // The app's Content Security Policy allows neither inline styles nor scripts.
    expect(html).not.toMatch(/\sstyle=|<script|\son[a-z]+=/i);
    // Every image a lesson shows is in the pack.
    for (const [, name] of html.matchAll(/src="\/assets\/[^/]+\/([^"]+)"/g)) {
      expect(assets.map((a) => a.name)).toContain(name);
    }
  } finally {
    db.close();
  }
}

describe('writePack', () => {
  it('writes every lesson, section, question, FAQ entry, related lesson and image of the fixture course', async () => {
    const [course] = await compileAll([fixture('complete'), fixture('companion')]);
    if (!course) throw new Error('no course');
    expect(
      course.lessons.map((l) => [l.id, l.sections.length, l.questions.length, l.faq.length]),
    ).toEqual([
      ['deployment', 4, 3, 2],
      ['logging', 2, 0, 0],
    ]);
    expect(course.assets).toHaveLength(2);
    const file = path.join(temporaryFolder(), 'complete.studypack');
    writePack(course, file);
    expectPackHolds(file, course);
  });

  const content = contentCourses();
  it.runIf(content.length > 0)(
    `writes each course of content/ (${content.map((dir) => path.basename(dir)).join(', ') || 'none yet'}) whole`,
    async () => {
      const courses = await compileAll(content);
      const folder = temporaryFolder();
      for (const course of courses) {
        const file = path.join(folder, `${course.id}.studypack`);
        writePack(course, file);
        expectPackHolds(file, course);
      }
    },
  );

  it('replaces an existing pack and leaves no temporary file behind', async () => {
    const [course] = await compileAll([fixture('complete'), fixture('companion')]);
    if (!course) throw new Error('no course');
    const folder = temporaryFolder();
    const file = path.join(folder, 'complete.studypack');
    writeFileSync(file, 'an older pack');
    writePack(course, file);
    expectPackHolds(file, course);
    expect(readdirSync(folder)).toEqual(['complete.studypack']);
  });

  it('leaves nothing at the output path when it cannot write, and throws the cause', async () => {
    const [course] = await compileAll([fixture('complete'), fixture('companion')]);
    if (!course) throw new Error('no course');
    const folder = temporaryFolder();
    const file = path.join(folder, 'bad.studypack');
    // Two lessons with one id violate the pack's UNIQUE constraint half-way through the transaction.
    const broken: CompiledCourse = { ...course, lessons: [...course.lessons, ...course.lessons] };
    expect(() => writePack(broken, file)).toThrow(/UNIQUE/);
    expect(readdirSync(folder)).toEqual([]);
    expect(() => writePack(course, path.join(folder, 'missing', 'x.studypack'))).toThrow(
      /directory does not exist/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('computes the same content hash for the same sources, and another when a source changes', async () => {
    const files = {
      'course.yml': courseYml(['a.md']),
      'a.md': '---\ntitle: A\n---\nText.\n',
    };
    const hashOf = async (dir: string) => (await compileAll([dir]))[0]?.contentHash;
    const first = await hashOf(writeCourse(files));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(writeCourse(files))).toBe(first);
    expect(await hashOf(writeCourse({ ...files, 'a.md': '---\ntitle: A\n---\nText!\n' }))).not.toBe(
      first,
    );
  });
});
