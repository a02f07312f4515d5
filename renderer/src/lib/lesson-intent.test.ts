import { describe, expect, it } from 'vitest';
import { linkedLesson } from './lesson-intent.ts';

describe('linkedLesson', () => {
  it('reads the lesson of an in-app lesson link, with or without a section', () => {
    const lesson = { courseId: 'python-backend', lessonId: 'logging' };
    expect(linkedLesson('/learn/python-backend/logging')).toEqual(lesson);
    expect(linkedLesson('/learn/python-backend/logging/handlers')).toEqual(lesson);
    expect(linkedLesson('/learn/python-backend/logging/_quiz?highlight=x')).toEqual(lesson);
    // As courses compiled before addresses were paths link.
    expect(linkedLesson('#/python-backend/logging/handlers')).toEqual(lesson);
  });

  it('reads no lesson from any other link', () => {
    for (const href of [
      null,
      '',
      '/',
      '#/',
      '/learn/python-backend',
      '#/python-backend',
      '#section',
      'https://example.com/#/python-backend/logging',
      'https://example.com/learn/python-backend/logging',
      '/assets/python-backend/code.css',
    ]) {
      expect(linkedLesson(href), String(href)).toBeNull();
    }
  });
});
