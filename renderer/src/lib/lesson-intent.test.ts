import { describe, expect, it } from 'vitest';
import { linkedLesson } from './lesson-intent.ts';

describe('linkedLesson', () => {
  it('reads the lesson of an in-app lesson link, with or without a section', () => {
    const lesson = { courseId: 'python-backend', lessonId: 'logging' };
    expect(linkedLesson('#/python-backend/logging')).toEqual(lesson);
    expect(linkedLesson('#/python-backend/logging/handlers')).toEqual(lesson);
    expect(linkedLesson('#/python-backend/logging/_quiz')).toEqual(lesson);
  });

  it('reads no lesson from any other link', () => {
    for (const href of [
      null,
      '',
      '#/',
      '#/python-backend',
      '#section',
      'https://example.com/#/python-backend/logging',
      '/assets/python-backend/code.css',
    ]) {
      expect(linkedLesson(href), String(href)).toBeNull();
    }
  });
});
