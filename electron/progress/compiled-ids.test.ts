// The ids the compiler makes from headings in scripts with combining marks are the ids the
// contract accepts and the progress store keys on: nothing is refused, nothing is lost.
import { describe, expect, it } from 'vitest';
import { courseYml, writeCourse } from '../../tests/support/courses.ts';
import { api } from '../api.ts';
import { compileCourse } from '../course/compile.ts';
import { openProgressStore } from './open-progress-store.ts';
import { makeClock, tempDirPerTest } from './test-support/factories.ts';

const LESSON = `---
title: नमस्ते
---

## नमस्ते दुनिया

Devanagari, with vowel signs and a virama.

## สวัสดีชาวโลก

Thai, with vowel signs above and below.

## আমার সোনার বাংলা

Bengali.

\`\`\`quiz
- id: প্রশ্ন-এক
  prompt: Which script is this question id in?
  choices: [Bengali, Thai]
  answer: Bengali
\`\`\`
`;

describe('ids made from headings in scripts with combining marks', () => {
  const dataDir = tempDirPerTest();

  it('are compiled whole, pass the contract and keep the progress recorded on them', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['पाठ-एक.md'], 'हिन्दी-पाठ'),
      'पाठ-एक.md': LESSON,
    });
    const { course, diagnostics } = await compileCourse(dir);
    expect(diagnostics).toEqual([]);
    const lesson = course?.lessons[0];
    if (!course || !lesson) throw new Error('the course did not compile');
    const sectionIds = lesson.sections.map((section) => section.id);
    expect(course.id).toBe('हिन्दी-पाठ');
    expect(lesson.id).toBe('पाठ-एक');
    expect(sectionIds).toEqual(['नमस्ते-दुनिया', 'สวัสดีชาวโลก', 'আমার-সোনার-বাংলা']);

    const key = { courseId: course.id, lessonId: lesson.id };
    expect(api.openLesson.input.safeParse(key).success).toBe(true);
    const batch = {
      ...key,
      position: { sectionId: 'สวัสดีชาวโลก', offset: 0.5 },
      sectionsRead: sectionIds.slice(0, 2),
    };
    expect(api.recordProgress.input.safeParse(batch).success).toBe(true);

    const { store } = openProgressStore({ dataDir: dataDir(), now: makeClock().now });
    try {
      store.applyBatch(batch);
      store.recordAnswer({ ...key, questionId: 'প্রশ্ন-এক', answer: 'A', correct: true });
      const progress = store.lessonProgress(course.id, {
        id: lesson.id,
        title: lesson.title,
        readingSeconds: 60,
        sections: sectionIds.map((id) => ({ id, readingSeconds: 20 })),
        questionIds: lesson.questions.map((question) => question.id),
      });
      expect(progress.sections).toEqual([
        { sectionId: 'नमस्ते-दुनिया', seen: true, read: true },
        { sectionId: 'สวัสดีชาวโลก', seen: true, read: true },
        { sectionId: 'আমার-সোনার-বাংলা', seen: false, read: false },
      ]);
      expect(progress.position).toEqual({ sectionId: 'สวัสดีชาวโลก', offset: 0.5 });
      expect(progress.answers).toMatchObject([{ questionId: 'প্রশ্ন-এক', correct: true }]);
    } finally {
      store.close();
    }
  });
});
