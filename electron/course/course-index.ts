// Every lesson of the courses compiled together, so links and `related` entries can be checked
// across lessons and across courses.
import type { LinkIndex, LinkableLesson } from './links.ts';

/** What the index needs to know of a course. */
export interface IndexableCourse {
  readonly dir: string;
  readonly id: string;
  readonly lessons: readonly {
    readonly file: string;
    readonly id: string;
    readonly sections: readonly { readonly id: string }[];
  }[];
}

/** Lessons by file, by course and by id; built once all courses of a run are parsed. */
export class CourseIndex implements LinkIndex {
  private readonly byFile = new Map<string, LinkableLesson>();
  private readonly courseByDir = new Map<string, string>();
  private readonly byCourse = new Map<string, Map<string, LinkableLesson>>();

  /** Adds the lessons of `course`; a later course with the same id does not replace the first. */
  add(course: IndexableCourse): void {
    this.courseByDir.set(course.dir, course.id);
    if (this.byCourse.has(course.id)) return;
    const lessons = new Map<string, LinkableLesson>();
    for (const lesson of course.lessons) {
      const linkable: LinkableLesson = {
        courseId: course.id,
        lessonId: lesson.id,
        sectionIds: lesson.sections.map((section) => section.id),
      };
      this.byFile.set(lesson.file, linkable);
      if (!lessons.has(lesson.id)) lessons.set(lesson.id, linkable);
    }
    this.byCourse.set(course.id, lessons);
  }

  lessonAt(file: string): LinkableLesson | undefined {
    return this.byFile.get(file);
  }

  courseAt(dir: string): string | undefined {
    return this.courseByDir.get(dir);
  }

  /** The lessons of course `courseId` by id, or undefined when it is not part of the run. */
  lessonsOf(courseId: string): ReadonlyMap<string, LinkableLesson> | undefined {
    return this.byCourse.get(courseId);
  }
}
