import { describe, expect, it, vi } from 'vitest';
import type { SearchView } from '../../../electron/api.ts';
import { StudybookError } from './client.ts';
import { SearchState, type Timers } from './search.svelte.ts';

/** A promise the test settles when it chooses: to script which answer arrives first. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Timers run by hand: `flush()` is the pause running out. */
function manualTimers(): Timers & { flush(): void; pending(): number } {
  const waiting = new Map<number, () => void>();
  let next = 0;
  return {
    set(callback) {
      next += 1;
      waiting.set(next, callback);
      return next;
    },
    clear(handle) {
      waiting.delete(handle as number);
    },
    flush() {
      const callbacks = [...waiting.values()];
      waiting.clear();
      for (const callback of callbacks) callback();
    },
    pending: () => waiting.size,
  };
}

function makeView(query: string, lessons: string[], courseId = 'python'): SearchView {
  return {
    query,
    terms: query.split(' '),
    groups: [
      {
        courseId,
        courseTitle: 'Python',
        results: lessons.map((lessonId) => ({
          kind: 'section' as const,
          courseId,
          lessonId,
          lessonTitle: lessonId,
          sectionId: 'intro',
          sectionTitle: 'Intro',
          snippet: { text: query, highlights: [[0, query.length] as [number, number]] },
        })),
      },
    ],
  };
}

/** The answer the test will give to the `index`th search; throws when it was never asked. */
function answerTo<T>(answers: readonly { answer: T }[], index: number): T {
  const asked = answers[index];
  if (!asked) throw new Error(`search ${index} was never asked`);
  return asked.answer;
}

function setup() {
  const answers: {
    input: { query: string; courseId?: string };
    answer: ReturnType<typeof deferred<SearchView>>;
  }[] = [];
  const client = {
    search: vi.fn((input: { query: string; courseId?: string }) => {
      const answer = deferred<SearchView>();
      answers.push({ input, answer });
      return answer.promise;
    }),
    listCourses: vi.fn(async () => ({
      courses: [
        { id: 'python', title: 'Python' },
        { id: 'git', title: 'Git' },
      ],
      problems: [],
      progressRecovery: null,
      resume: null,
    })),
  };
  const navigate = vi.fn();
  const timers = manualTimers();
  const state = new SearchState({
    client: client as unknown as ConstructorParameters<typeof SearchState>[0]['client'],
    navigate,
    timers,
  });
  return { state, client, answers, navigate, timers };
}

describe('SearchState', () => {
  it('searches once the learner pauses, not on every key', () => {
    const { state, client, timers } = setup();
    state.setQuery('d');
    state.setQuery('do');
    state.setQuery('doc');
    expect(client.search).not.toHaveBeenCalled();
    expect(state.status).toBe('searching');
    timers.flush();
    expect(client.search).toHaveBeenCalledTimes(1);
    expect(client.search).toHaveBeenCalledWith({ query: 'doc' });
  });

  it('shows only the latest search’s answer when an earlier one arrives late', async () => {
    const { state, answers, timers } = setup();
    state.setQuery('dock');
    timers.flush();
    state.setQuery('docker');
    timers.flush();
    answerTo(answers, 1).resolve(makeView('docker', ['containers']));
    await Promise.resolve();
    answerTo(answers, 0).resolve(makeView('dock', ['stale']));
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.options.map((option) => option.result.lessonId)).toEqual(['containers']);
    expect(state.searching).toBe(false);
  });

  it('ignores a late failure of a search that has been overtaken', async () => {
    const { state, answers, timers } = setup();
    state.setQuery('a');
    timers.flush();
    state.setQuery('ab');
    timers.flush();
    answerTo(answers, 1).resolve(makeView('ab', ['one']));
    answerTo(answers, 0).reject(new StudybookError({ code: 'unavailable', message: 'gone' }));
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.status).toBe('results');
    expect(state.error).toBeNull();
  });

  it('clears at once when the field is emptied, dropping the search on its way', async () => {
    const { state, answers, timers } = setup();
    state.setQuery('docker');
    timers.flush();
    state.setQuery('  ');
    answerTo(answers, 0).resolve(makeView('docker', ['containers']));
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.status).toBe('empty');
    expect(state.options).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('reports a failed search in the learner’s words', async () => {
    const { state, answers, timers } = setup();
    state.setQuery('docker');
    timers.flush();
    answerTo(answers, 0).reject(
      new StudybookError({ code: 'unavailable', message: 'Studybook is not ready yet.' }),
    );
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.status).toBe('failed');
    expect(state.error).toBe('Studybook is not ready yet.');
  });

  it('moves through the results with wrap-around and opens the active one with its words', async () => {
    const { state, answers, timers, navigate } = setup();
    state.setQuery('web server');
    timers.flush();
    answerTo(answers, 0).resolve(makeView('web server', ['one', 'two', 'three']));
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.active?.index).toBe(0);
    state.move(-1);
    expect(state.active?.result.lessonId).toBe('three');
    state.move(1);
    state.move(1);
    expect(state.active?.id).toBe('search-option-1');
    void state.open();
    expect(state.choose()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/learn/python/two/intro?highlight=web+server');
    expect(state.isOpen).toBe(false);
  });

  it('opens a quiz or FAQ hit at the lesson’s quiz or FAQ, not at its top', async () => {
    const { state, answers, timers } = setup();
    state.setQuery('celery');
    timers.flush();
    const view = makeView('celery', ['tasks', 'tasks', 'tasks']);
    const group = view.groups[0];
    const [section, question, faq] = group?.results ?? [];
    if (!group || !section || !question || !faq) throw new Error('three results expected');
    group.results = [
      section,
      { ...question, kind: 'question', sectionId: null, sectionTitle: null },
      { ...faq, kind: 'faq', sectionId: null, sectionTitle: null },
    ];
    answerTo(answers, 0).resolve(view);
    await new Promise((resolve) => setTimeout(resolve));
    expect(state.options.map((option) => option.href)).toEqual([
      '/learn/python/tasks/intro?highlight=celery',
      '/learn/python/tasks/_quiz?highlight=celery',
      '/learn/python/tasks/_faq?highlight=celery',
    ]);
  });

  it('searches one course at once when the filter changes, and all courses again', async () => {
    const { state, client, timers } = setup();
    await state.open();
    expect(state.courses.map((course) => course.id)).toEqual(['python', 'git']);
    state.setQuery('commit');
    timers.flush();
    state.setCourse('git');
    expect(client.search).toHaveBeenLastCalledWith({ query: 'commit', courseId: 'git' });
    state.setCourse(null);
    expect(client.search).toHaveBeenLastCalledWith({ query: 'commit' });
  });

  it('has nothing to choose before any results', () => {
    const { state, navigate } = setup();
    expect(state.choose()).toBe(false);
    state.move(1);
    expect(state.active).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
