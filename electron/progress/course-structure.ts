// What the progress computations need to know about a course: its lessons in order, each with
// its sections, reading times and quiz questions. The library builds it from an installed pack.

/** One lesson of a course, in the order the course teaches it. */
export type LessonStructure = {
  id: string;
  title: string;
  readingSeconds: number;
  sections: { id: string; readingSeconds: number }[];
  questionIds: string[];
};

/** A course's lessons in order: the structure progress is measured against. */
export type CourseStructure = {
  courseId: string;
  lessons: LessonStructure[];
};
