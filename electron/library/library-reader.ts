// Reads installed courses from library.sqlite, one lesson at a time: nothing holds a whole
// course in memory except its outline (ids, titles and reading times).
import type { LibraryDatabase } from './open-library.ts';

export interface CourseRecord {
  id: string;
  title: string;
  description: string;
  version: string;
  contact: string | null;
}

export interface LessonOutline {
  id: string;
  title: string;
  summary: string;
  readingSeconds: number;
  sections: { id: string; readingSeconds: number }[];
  questionIds: string[];
}

export interface CourseOutline extends CourseRecord {
  lessons: LessonOutline[];
}

export interface QuestionRecord {
  id: string;
  kind: 'single' | 'multiple' | 'text';
  prompt: string;
  choices: string[];
  answer: string | string[];
  accept: string[];
  explainHtml: string;
}

export interface LessonRecord {
  id: string;
  position: number;
  title: string;
  summary: string;
  introHtml: string;
  readingSeconds: number;
  sections: { id: string; title: string; html: string; readingSeconds: number }[];
  questions: QuestionRecord[];
  faq: { question: string; answerHtml: string }[];
  related: { courseId: string; lessonId: string }[];
}

export interface LessonTitle {
  courseId: string;
  lessonId: string;
  title: string;
  readingSeconds: number;
}

interface QuestionRow {
  id: string;
  kind: QuestionRecord['kind'];
  prompt: string;
  choices: string;
  answer: string;
  accept: string;
  explain_html: string;
}

export type LibraryReader = ReturnType<typeof createLibraryReader>;

/** Read access to the library; statements are prepared once here, not per call. */
export function createLibraryReader(db: LibraryDatabase) {
  const courses = db.prepare<[], CourseRecord>(
    'SELECT id, title, description, version, contact FROM courses ORDER BY position',
  );
  const course = db.prepare<[string], CourseRecord>(
    'SELECT id, title, description, version, contact FROM courses WHERE id = ?',
  );
  const lessonsOf = db.prepare<
    [string],
    { id: string; title: string; summary: string; readingSeconds: number }
  >(
    `SELECT id, title, summary, reading_seconds AS readingSeconds
     FROM lessons WHERE course_id = ? ORDER BY position`,
  );
  const sectionOutlines = db.prepare<
    [string],
    { lessonId: string; id: string; readingSeconds: number }
  >(
    `SELECT lesson_id AS lessonId, id, reading_seconds AS readingSeconds
     FROM sections WHERE course_id = ? ORDER BY lesson_id, position`,
  );
  const questionOutlines = db.prepare<[string], { lessonId: string; id: string }>(
    'SELECT lesson_id AS lessonId, id FROM questions WHERE course_id = ? ORDER BY lesson_id, position',
  );
  const lesson = db.prepare<
    [string, string],
    {
      id: string;
      position: number;
      title: string;
      summary: string;
      introHtml: string;
      readingSeconds: number;
    }
  >(
    `SELECT id, position, title, summary, intro_html AS introHtml, reading_seconds AS readingSeconds
     FROM lessons WHERE course_id = ? AND id = ?`,
  );
  const lessonAt = db.prepare<[string, number], LessonTitle>(
    `SELECT course_id AS courseId, id AS lessonId, title, reading_seconds AS readingSeconds
     FROM lessons WHERE course_id = ? AND position = ?`,
  );
  const lessonTitle = db.prepare<[string, string], LessonTitle>(
    `SELECT course_id AS courseId, id AS lessonId, title, reading_seconds AS readingSeconds
     FROM lessons WHERE course_id = ? AND id = ?`,
  );
  const sections = db.prepare<
    [string, string],
    { id: string; title: string; html: string; readingSeconds: number }
  >(
    `SELECT id, title, html, reading_seconds AS readingSeconds
     FROM sections WHERE course_id = ? AND lesson_id = ? ORDER BY position`,
  );
  const questions = db.prepare<[string, string], QuestionRow>(
    `SELECT id, kind, prompt, choices, answer, accept, explain_html
     FROM questions WHERE course_id = ? AND lesson_id = ? ORDER BY position`,
  );
  const question = db.prepare<[string, string, string], QuestionRow>(
    `SELECT id, kind, prompt, choices, answer, accept, explain_html
     FROM questions WHERE course_id = ? AND lesson_id = ? AND id = ?`,
  );
  const faq = db.prepare<[string, string], { question: string; answerHtml: string }>(
    `SELECT question, answer_html AS answerHtml
     FROM faq WHERE course_id = ? AND lesson_id = ? ORDER BY position`,
  );
  const related = db.prepare<[string, string], { courseId: string; lessonId: string }>(
    `SELECT target_course_id AS courseId, target_lesson_id AS lessonId
     FROM related WHERE course_id = ? AND lesson_id = ? ORDER BY position`,
  );
  const asset = db.prepare<[string, string], { mime: string; data: Buffer }>(
    'SELECT mime, data FROM assets WHERE course_id = ? AND name = ?',
  );
  const codeCss = db.prepare<[string], { code_css: string }>(
    'SELECT code_css FROM courses WHERE id = ?',
  );

  function outline(record: CourseRecord): CourseOutline {
    const sectionsByLesson = groupBy(sectionOutlines.all(record.id), (row) => row.lessonId);
    const questionsByLesson = groupBy(questionOutlines.all(record.id), (row) => row.lessonId);
    return {
      ...record,
      lessons: lessonsOf.all(record.id).map((row) => ({
        ...row,
        sections: (sectionsByLesson.get(row.id) ?? []).map(({ id, readingSeconds }) => ({
          id,
          readingSeconds,
        })),
        questionIds: (questionsByLesson.get(row.id) ?? []).map((q) => q.id),
      })),
    };
  }

  return {
    /** Every installed course with its outline, in library order. */
    listCourses(): CourseOutline[] {
      return courses.all().map(outline);
    },
    /** One course's outline, or null when it is not installed. */
    courseOutline(courseId: string): CourseOutline | null {
      const record = course.get(courseId);
      return record ? outline(record) : null;
    },
    /** One lesson's full content, or null when the course or lesson is not installed. */
    readLesson(courseId: string, lessonId: string): LessonRecord | null {
      const row = lesson.get(courseId, lessonId);
      if (!row) return null;
      return {
        ...row,
        sections: sections.all(courseId, lessonId),
        questions: questions.all(courseId, lessonId).map(toQuestion),
        faq: faq.all(courseId, lessonId),
        related: related.all(courseId, lessonId),
      };
    },
    /** The lesson at `position` in a course's order, or null past either end. */
    lessonAt(courseId: string, position: number): LessonTitle | null {
      return lessonAt.get(courseId, position) ?? null;
    },
    /** A lesson's title and reading time, or null when it is not installed. */
    lessonTitle(courseId: string, lessonId: string): LessonTitle | null {
      return lessonTitle.get(courseId, lessonId) ?? null;
    },
    /** One quiz question with its answer, for grading; null when unknown. */
    readQuestion(courseId: string, lessonId: string, questionId: string): QuestionRecord | null {
      const row = question.get(courseId, lessonId, questionId);
      return row ? toQuestion(row) : null;
    },
    /** An image of a course, or null. */
    readAsset(courseId: string, name: string): { mime: string; data: Buffer } | null {
      return asset.get(courseId, name) ?? null;
    },
    /** The stylesheet of a course's highlighted code, or null when the course is unknown. */
    readCodeStylesheet(courseId: string): string | null {
      return codeCss.get(courseId)?.code_css ?? null;
    },
  };
}

function toQuestion(row: QuestionRow): QuestionRecord {
  return {
    id: row.id,
    kind: row.kind,
    prompt: row.prompt,
    choices: JSON.parse(row.choices) as string[],
    answer: JSON.parse(row.answer) as string | string[],
    accept: JSON.parse(row.accept) as string[],
    explainHtml: row.explain_html,
  };
}

function groupBy<Row>(rows: Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
