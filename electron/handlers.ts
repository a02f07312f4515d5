// The contract, implemented on top of the library (course content) and the progress store (the
// learner's own data). Each handler receives input already parsed by `dispatch`.
import type {
  AnswerView,
  CourseSummary,
  LessonLink,
  LessonView,
  QuizScore,
  ResumeView,
} from './api.ts';
import { CallFailure, type Handlers } from './dispatch.ts';
import type { CourseOutline, LibraryReader, QuestionRecord } from './library/library-reader.ts';
import type { LibrarySearch } from './library/search-library.ts';
import {
  CourseNotInstalledError,
  UnknownUploadError,
  type CourseInstaller,
} from './library/course-installer.ts';
import { installResult } from './library/install-result.ts';
import { PackError } from './library/pack-error.ts';
import { ProgressInputError } from './progress/errors.ts';
import type { CourseStructure } from './progress/course-structure.ts';
import type { LessonProgress } from './progress/lesson-progress.ts';
import type { ProgressStore } from './progress/progress-store.ts';
import type { ResumePoint } from './progress/resume.ts';
import { gradeAnswer } from './quiz/grade-answer.ts';

export interface HandlerDependencies {
  library: LibraryReader;
  /** Full-text search over the library's index. */
  search: LibrarySearch;
  /** Installs uploaded packs and removes courses; a host without it answers 'unavailable'. */
  courses?: Pick<CourseInstaller, 'importStaged' | 'discard' | 'remove'>;
  progress: ProgressStore;
  /** Courses that could not be installed, to show in the library. */
  problems(): { source: string; message: string }[];
  /** Set when the progress file was damaged and moved aside at start. */
  progressRecovery: { movedTo: string } | null;
  /** Opens an https URL outside the app (the system browser); the page has asked the learner. */
  openExternal(url: string): Promise<void>;
}

/** Builds every handler of the contract. */
export function createHandlers(deps: HandlerDependencies): Handlers {
  const { library, progress } = deps;
  const courses = (): NonNullable<HandlerDependencies['courses']> => {
    if (!deps.courses) {
      throw new CallFailure('unavailable', 'This Studybook cannot install or remove courses.');
    }
    return deps.courses;
  };

  function outlineOrFail(courseId: string): CourseOutline {
    const outline = library.courseOutline(courseId);
    if (!outline) throw new CallFailure('not-found', `There is no course "${courseId}".`);
    return outline;
  }

  function lessonOf(outline: CourseOutline, lessonId: string) {
    const lesson = outline.lessons.find((candidate) => candidate.id === lessonId);
    if (!lesson) {
      throw new CallFailure(
        'not-found',
        `The course "${outline.title}" has no lesson "${lessonId}".`,
      );
    }
    return lesson;
  }

  function resumeView(point: ResumePoint | null): ResumeView | null {
    if (!point) return null;
    const course = library.courseOutline(point.courseId);
    const lesson = library.lessonTitle(point.courseId, point.lessonId);
    if (!course || !lesson) return null;
    return {
      courseId: point.courseId,
      courseTitle: course.title,
      lessonId: point.lessonId,
      lessonTitle: lesson.title,
      sectionId: point.sectionId,
      offset: point.offset,
      at: point.at,
    };
  }

  function courseSummary(outline: CourseOutline): CourseSummary {
    const structure = toStructure(outline);
    const course = progress.courseProgress(structure);
    const lessons = outline.lessons.map((lesson) => {
      const lessonProgress = progress.lessonProgress(outline.id, lesson);
      return {
        id: lesson.id,
        title: lesson.title,
        summary: lesson.summary,
        readingMinutes: minutes(lesson.readingSeconds),
        state: lessonProgress.status,
        percent: lessonProgress.percent,
        minutesLeft: lessonProgress.minutesLeft,
        score: scoreOf(lessonProgress),
      };
    });
    return {
      id: outline.id,
      title: outline.title,
      description: outline.description,
      version: outline.version,
      lessons,
      percent: course.percent,
      minutesLeft: course.minutesLeft,
      lessonsDone: course.lessonsDone,
      lessonsInProgress: course.lessonsInProgress,
      lessonsNotStarted: course.lessonsNotStarted,
      score: lessons.reduce(
        (total, lesson) => ({
          correct: total.correct + lesson.score.correct,
          answered: total.answered + lesson.score.answered,
          total: total.total + lesson.score.total,
        }),
        { correct: 0, answered: 0, total: 0 },
      ),
      lastStudiedAt: course.lastStudiedAt,
      resume: resumeView(progress.resume([structure])),
    };
  }

  function linkTo(courseId: string, lessonId: string): LessonLink | null {
    const target = library.lessonTitle(courseId, lessonId);
    return target
      ? { courseId, lessonId, title: target.title, readingMinutes: minutes(target.readingSeconds) }
      : null;
  }

  return {
    listCourses() {
      const outlines = library.listCourses();
      return {
        courses: outlines.map(courseSummary),
        problems: deps.problems(),
        progressRecovery: deps.progressRecovery,
        resume: resumeView(progress.resume(outlines.map(toStructure))),
      };
    },

    openLesson({ courseId, lessonId, ahead }) {
      const outline = outlineOrFail(courseId);
      const structure = lessonOf(outline, lessonId);
      const lesson = library.readLesson(courseId, lessonId);
      if (!lesson) throw new CallFailure('not-found', `There is no lesson "${lessonId}".`);
      if (!ahead) storeWrite(() => progress.openLesson({ courseId, lessonId }));
      const lessonProgress = progress.lessonProgress(courseId, structure);
      const previous = library.lessonAt(courseId, lesson.position - 1);
      const next = library.lessonAt(courseId, lesson.position + 1);
      const view: LessonView = {
        course: {
          id: outline.id,
          title: outline.title,
          contact: outline.contact,
          codeStylesheet: `/assets/${outline.id}/code.css`,
        },
        lesson: {
          id: lesson.id,
          title: lesson.title,
          summary: lesson.summary,
          introHtml: lesson.introHtml,
          readingMinutes: minutes(lesson.readingSeconds),
          sections: lesson.sections,
          questions: lesson.questions.map(({ id, kind, prompt, choices }) => ({
            id,
            kind,
            prompt,
            choices,
          })),
          faq: lesson.faq,
          previous: previous && linkTo(courseId, previous.lessonId),
          next: next && linkTo(courseId, next.lessonId),
          related: lesson.related.flatMap(({ courseId: target, lessonId: id }) => {
            const link = linkTo(target, id);
            return link ? [link] : [];
          }),
        },
        progress: {
          percent: lessonProgress.percent,
          minutesLeft: lessonProgress.minutesLeft,
          sectionsRead: lessonProgress.sections.filter((s) => s.read).map((s) => s.sectionId),
          position: lessonProgress.position,
          answers: lessonProgress.answers.flatMap((stored) => {
            const question = lesson.questions.find((q) => q.id === stored.questionId);
            return question ? [answerView(question, stored.answer, stored.correct)] : [];
          }),
          score: scoreOf(lessonProgress),
        },
        savedAt: progress.lastSavedAt(),
      };
      return view;
    },

    recordProgress(batch) {
      const outline = outlineOrFail(batch.courseId);
      const lesson = lessonOf(outline, batch.lessonId);
      const known = new Set(lesson.sections.map((section) => section.id));
      const unknown = [
        ...(batch.position ? [batch.position.sectionId] : []),
        ...(batch.sectionsSeen ?? []),
        ...(batch.sectionsRead ?? []),
      ].filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new CallFailure(
          'invalid-input',
          `The lesson "${lesson.title}" has no section ${unknown.map((id) => `"${id}"`).join(', ')}.`,
        );
      }
      return storeWrite(() => progress.applyBatch(batch));
    },

    answerQuestion({ courseId, lessonId, questionId, answer }) {
      const outline = outlineOrFail(courseId);
      lessonOf(outline, lessonId);
      const question = library.readQuestion(courseId, lessonId, questionId);
      if (!question) {
        throw new CallFailure('not-found', `This lesson has no question "${questionId}".`);
      }
      const expectsList = question.kind === 'multiple';
      if (Array.isArray(answer) !== expectsList) {
        throw new CallFailure(
          'invalid-input',
          expectsList
            ? 'This question takes a list of choices.'
            : 'This question takes a single answer, not a list.',
        );
      }
      if (question.kind !== 'text') {
        const outside = [answer].flat().filter((choice) => !question.choices.includes(choice));
        if (outside.length > 0) {
          throw new CallFailure('invalid-input', `"${outside[0]}" is not one of the choices.`);
        }
      }
      const correct = gradeAnswer(question, answer);
      const receipt = storeWrite(() =>
        progress.recordAnswer({ courseId, lessonId, questionId, answer, correct }),
      );
      return { ...answerView(question, answer, correct), ...receipt };
    },

    getSettings() {
      return progress.settings();
    },

    setSettings(changes) {
      let savedAt = progress.lastSavedAt() ?? new Date(0).toISOString();
      for (const [key, value] of Object.entries(changes)) {
        savedAt = storeWrite(() =>
          progress.setSetting(key as keyof typeof changes, value as never),
        ).savedAt;
      }
      return { ...progress.settings(), savedAt };
    },

    getResume({ courseId }) {
      const outlines = courseId ? [outlineOrFail(courseId)] : library.listCourses();
      return resumeView(progress.resume(outlines.map(toStructure)));
    },

    async openExternal({ url }) {
      await deps.openExternal(url);
      return { opened: true };
    },

    search({ query, courseId, limit }) {
      if (courseId !== undefined && !deps.search.hasCourse(courseId)) {
        throw new CallFailure('not-found', `There is no course "${courseId}" to search in.`);
      }
      return deps.search.search({ query, courseId, limit });
    },

    async installPack({ uploadId, confirm }) {
      return installResult(
        await courseChange(() => courses().importStaged(uploadId, confirm === true)),
      );
    },

    discardPack({ uploadId }) {
      return { discarded: courses().discard(uploadId) };
    },

    removeCourse({ courseId, eraseProgress }) {
      return courseChange(() => courses().remove(courseId, eraseProgress));
    },
  };
}

/** The progress view of a course outline. */
export function toStructure(outline: CourseOutline): CourseStructure {
  return {
    courseId: outline.id,
    lessons: outline.lessons.map(({ id, title, readingSeconds, sections, questionIds }) => ({
      id,
      title,
      readingSeconds,
      sections,
      questionIds,
    })),
  };
}

function answerView(
  question: QuestionRecord,
  answer: string | string[],
  correct: boolean,
): AnswerView {
  return {
    questionId: question.id,
    answer,
    correct,
    correctAnswer: question.answer,
    explainHtml: question.explainHtml,
  };
}

function scoreOf(lesson: LessonProgress): QuizScore {
  return {
    correct: lesson.quiz.correct,
    answered: lesson.questionsAnswered,
    total: lesson.quiz.total,
  };
}

function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * Runs an install or removal, reporting what the learner can act on in the contract's terms: a
 * refused pack as invalid-input (its message says why), a pack or course that is not there as
 * not-found.
 */
async function courseChange<Result>(change: () => Promise<Result>): Promise<Result> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof PackError) throw new CallFailure('invalid-input', error.message);
    if (error instanceof UnknownUploadError || error instanceof CourseNotInstalledError) {
      throw new CallFailure('not-found', error.message);
    }
    throw error;
  }
}

/** Runs a store write, reporting a refused input as the contract's invalid-input. */
function storeWrite<Result>(write: () => Result): Result {
  try {
    return write();
  } catch (error) {
    if (error instanceof ProgressInputError) {
      throw new CallFailure(
        'invalid-input',
        error.message,
        error.issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`),
      );
    }
    throw error;
  }
}
