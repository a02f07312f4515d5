import { describe, expect, it } from 'vitest';
import type { Client } from '../../../renderer/src/lib/client.ts';
import { LessonPrefetch } from '../../../renderer/src/lib/lesson-prefetch.ts';
import { LessonState } from '../../../renderer/src/lib/lesson.svelte.ts';
import { SaveStatus } from '../../../renderer/src/lib/save-status.svelte.ts';
import { useSampleHost } from './sample-host.ts';

// The real host: the sample course compiled into a real library and progress store.
const sample = useSampleHost();

const COURSE = 'python-backend';

/** The real client, noting every lesson it asks for, so a test can wait until all have arrived. */
function watchedClient() {
  const asked: Promise<unknown>[] = [];
  const watched: Client = {
    ...sample.client,
    openLesson: (input) => {
      const answer = sample.client.openLesson(input);
      asked.push(answer);
      return answer;
    },
  };
  return { client: watched, arrived: () => Promise.all(asked) };
}

describe('LessonState', () => {
  it('shows a lesson still on its way as loading, then the lesson', async () => {
    const lesson = new LessonState(sample.client, new SaveStatus(), new LessonPrefetch());
    const opening = lesson.open(COURSE, 'deployment');
    expect(lesson.load.status).toBe('loading');
    await opening;
    expect(lesson.load.status === 'ready' && lesson.load.value.view.lesson.id).toBe('deployment');
  });

  it('shows a lesson fetched ahead in the same turn once it has arrived, and only then records it as opened', async () => {
    const host = watchedClient();
    const lesson = new LessonState(host.client, new SaveStatus(), new LessonPrefetch());
    await lesson.open(COURSE, 'deployment');
    const current = lesson.load.status === 'ready' ? lesson.load.value.view : null;
    const next = current?.lesson.next;
    if (!next) throw new Error('the sample lesson has no next lesson');

    lesson.prefetch(next);
    await host.arrived();
    const resumeBefore = await sample.client.getResume({ courseId: COURSE });
    expect(resumeBefore?.lessonId, 'fetching ahead records nothing').toBe('deployment');

    void lesson.open(next.courseId, next.lessonId);
    expect(lesson.load.status, 'no loading state in between').toBe('ready');
    expect(lesson.load.status === 'ready' && lesson.load.value.view.lesson.id).toBe(next.lessonId);

    await lesson.saves.settled();
    const resumeAfter = await sample.client.getResume({ courseId: COURSE });
    expect(resumeAfter?.lessonId, 'shown, so recorded as opened').toBe(next.lessonId);
  });

  it('following a lesson fetched ahead saves the reading left behind, and resumes at the lesson opened', async () => {
    const host = watchedClient();
    const lesson = new LessonState(host.client, new SaveStatus(), new LessonPrefetch());
    await lesson.open(COURSE, 'deployment');
    const session = lesson.load.status === 'ready' ? lesson.load.value : null;
    const next = session?.view.lesson.next;
    const section = session?.view.lesson.sections[1];
    if (!session || !next || !section) throw new Error('the sample lesson is not as expected');
    // The learner moved on in this lesson: that is still pending when they follow "Next lesson".
    session.tracker.moveTo({ sectionId: section.id, offset: 0.5 });

    lesson.prefetch(next);
    await host.arrived();
    void lesson.open(next.courseId, next.lessonId);
    await lesson.saves.settled();

    const resume = await sample.client.getResume({ courseId: COURSE });
    expect(resume?.lessonId, 'the lesson opened last is where to resume').toBe(next.lessonId);
    const reopened = await sample.client.openLesson({
      courseId: COURSE,
      lessonId: 'deployment',
      ahead: true,
    });
    expect(reopened.progress.position, 'the reading left behind was saved').toEqual({
      sectionId: section.id,
      offset: 0.5,
    });
  });
});
