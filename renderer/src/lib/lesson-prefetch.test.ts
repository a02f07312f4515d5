import { describe, expect, it } from 'vitest';
import type { LessonView } from '../../../electron/api.ts';
import { LessonPrefetch } from './lesson-prefetch.ts';

const view = (title: string) => ({ lesson: { title } }) as LessonView;
const key = (lessonId: string) => ({ courseId: 'course', lessonId });
const ahead = (answer: Promise<LessonView>) => ({ view: answer, recorded: false });

describe('lessons asked for ahead', () => {
  it('hands a view over once, to the lesson it was asked for, saying whether it was recorded', async () => {
    const prefetch = new LessonPrefetch();
    prefetch.put(key('first'), { view: Promise.resolve(view('First')), recorded: true });
    expect(prefetch.take(key('other'))).toBeNull();
    expect(prefetch.has(key('first'))).toBe(true);
    const taken = prefetch.take(key('first'));
    expect(taken?.recorded).toBe(true);
    await expect(taken?.view).resolves.toEqual(view('First'));
    expect(prefetch.take(key('first')), 'a second open asks the host again').toBeNull();
    expect(prefetch.has(key('first'))).toBe(false);
  });

  it('hands over the view itself once it has arrived, and only then', async () => {
    const prefetch = new LessonPrefetch();
    let answer: (view: LessonView) => void = () => undefined;
    prefetch.put(key('slow'), ahead(new Promise((resolve) => (answer = resolve))));
    prefetch.put(key('quick'), ahead(Promise.resolve(view('Quick'))));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(prefetch.take(key('slow'))?.arrived, 'still on its way').toBeNull();
    expect(prefetch.take(key('quick'))?.arrived).toEqual(view('Quick'));
    answer(view('Slow'));
  });

  it('tells lessons of different courses apart', () => {
    const prefetch = new LessonPrefetch();
    prefetch.put({ courseId: 'a', lessonId: 'intro' }, ahead(Promise.resolve(view('A'))));
    expect(prefetch.take({ courseId: 'b', lessonId: 'intro' })).toBeNull();
    expect(prefetch.take({ courseId: 'a', lessonId: 'intro' })?.recorded).toBe(false);
  });

  it('forgets a failed request without reporting it, so that opening asks again', async () => {
    const prefetch = new LessonPrefetch();
    prefetch.put(key('first'), ahead(Promise.reject(new Error('no host'))));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(prefetch.has(key('first'))).toBe(false);
    expect(prefetch.take(key('first'))).toBeNull();
  });

  it('hands over a failure that happens after the lesson was opened', async () => {
    const prefetch = new LessonPrefetch();
    let fail: (error: Error) => void = () => undefined;
    prefetch.put(key('first'), ahead(new Promise((_, reject) => (fail = reject))));
    const taken = prefetch.take(key('first'));
    fail(new Error('no host'));
    await expect(taken?.view).rejects.toThrow('no host');
  });

  it('keeps a later view in place of an earlier one, and a failure of the earlier one changes nothing', async () => {
    const prefetch = new LessonPrefetch();
    let failEarlier: (error: Error) => void = () => undefined;
    prefetch.put(key('first'), ahead(new Promise((_, reject) => (failEarlier = reject))));
    prefetch.put(key('first'), ahead(Promise.resolve(view('Later'))));
    failEarlier(new Error('late failure'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(prefetch.take(key('first'))?.view).resolves.toEqual(view('Later'));
  });

  it('keeps the three most recent lessons', () => {
    const prefetch = new LessonPrefetch();
    for (const id of ['one', 'two', 'three', 'four']) {
      prefetch.put(key(id), ahead(Promise.resolve(view(id))));
    }
    expect(prefetch.has(key('one'))).toBe(false);
    expect(['two', 'three', 'four'].every((id) => prefetch.has(key(id)))).toBe(true);
  });

  it('forgets everything when cleared', () => {
    const prefetch = new LessonPrefetch();
    prefetch.put(key('first'), ahead(Promise.resolve(view('First'))));
    prefetch.clear();
    expect(prefetch.take(key('first'))).toBeNull();
  });
});
