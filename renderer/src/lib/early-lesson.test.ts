import { describe, expect, it } from 'vitest';
import type { LessonView } from '../../../electron/api.ts';
import { startedEarly, takeEarlyLesson } from './early-lesson.ts';

const view = {} as LessonView;

describe('the early lesson request', () => {
  it('is handed over once, to the lesson it was started for', async () => {
    startedEarly({ courseId: 'c', lessonId: 'l', view: Promise.resolve(view) });
    expect(takeEarlyLesson('c', 'other')).toBeNull();
    startedEarly({ courseId: 'c', lessonId: 'l', view: Promise.resolve(view) });
    await expect(takeEarlyLesson('c', 'l')).resolves.toBe(view);
    expect(takeEarlyLesson('c', 'l'), 'a second open asks the host again').toBeNull();
  });

  it('does not report a failure nobody has asked for yet', async () => {
    const failed = Promise.reject(new Error('no host'));
    startedEarly({ courseId: 'c', lessonId: 'l', view: failed });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarlyLesson('c', 'l')).rejects.toThrow('no host');
  });
});
