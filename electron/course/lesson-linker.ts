// The last step of a lesson: its links and related lessons resolved against every lesson of the
// courses compiled together.
import type { CourseIndex } from './course-index.ts';
import type { DiagnosticList } from './diagnostics.ts';
import { closestMatch } from './did-you-mean.ts';
import { escapeHtml } from './html.ts';
import type { RenderedLesson } from './lesson-renderer.ts';
import type { ResolvedLink } from './links.ts';
import { resolveLink } from './links.ts';
import { fillLinkPlaceholders } from './markdown.ts';
import type { CompiledLesson, CompiledRelatedLesson } from './model.ts';

/** The course a lesson belongs to, and every lesson of the run. */
export interface LinkContext {
  readonly courseId: string;
  readonly courseDir: string;
  readonly index: CourseIndex;
}

/** Completes `lesson`, reporting links and related lessons that lead nowhere. Never throws. */
export function linkLesson(
  lesson: RenderedLesson,
  context: LinkContext,
  sink: DiagnosticList,
): CompiledLesson {
  const origin = {
    file: lesson.file,
    courseDir: context.courseDir,
    lesson: {
      courseId: context.courseId,
      lessonId: lesson.id,
      sectionIds: lesson.sections.map((section) => section.id),
    },
  };
  const tags = lesson.links.map((link) => {
    const resolved = resolveLink(link.href, origin, context.index);
    if (resolved.kind === 'invalid') sink.error(link.position, resolved.error);
    else if (resolved.warning) sink.warning(link.position, resolved.warning);
    return openingTag(resolved, link.title);
  });
  // An unresolved link cannot be in a compiled course (it is an error); `<a>` keeps the markup whole.
  const fill = (html: string) => fillLinkPlaceholders(html, (slot) => tags[slot] ?? '<a>');
  const sections = lesson.sections.map((section) => ({
    id: section.id,
    title: section.title,
    html: fill(section.html),
    text: section.text,
    readingSeconds: section.readingSeconds,
  }));
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    sourceFile: lesson.sourceFile,
    introHtml: fill(lesson.introHtml),
    readingSeconds: sections.reduce(
      (sum, section) => sum + section.readingSeconds,
      lesson.introSeconds,
    ),
    sections,
    questions: lesson.questions.map((question) => ({
      ...question,
      explainHtml: fill(question.explainHtml),
    })),
    faq: lesson.faq.map((entry) => ({ ...entry, answerHtml: fill(entry.answerHtml) })),
    related: resolveRelated(lesson, context, sink),
  };
}

function openingTag(link: ResolvedLink, title: string | null): string {
  if (link.kind === 'invalid') return '<a>';
  const titleAttribute = title === null ? '' : ` title="${escapeHtml(title)}"`;
  // External pages open in the system browser after the learner confirms; the class marks them.
  const external =
    link.kind === 'external' ? ' class="external-link" rel="noopener noreferrer"' : '';
  return `<a href="${escapeHtml(link.href)}"${titleAttribute}${external}>`;
}

function resolveRelated(
  lesson: RenderedLesson,
  context: LinkContext,
  sink: DiagnosticList,
): CompiledRelatedLesson[] {
  const related: CompiledRelatedLesson[] = [];
  for (const entry of lesson.related) {
    const courseId = entry.courseId ?? context.courseId;
    const lessons = context.index.lessonsOf(courseId);
    if (!lessons) {
      sink.warning(
        entry.position,
        `related lesson "${courseId}/${entry.lessonId}" is in a course not checked with this one, so it cannot be verified: check both courses together`,
      );
    } else if (!lessons.has(entry.lessonId)) {
      const suggestion = closestMatch(entry.lessonId, [...lessons.keys()]);
      const where = courseId === context.courseId ? 'this course' : `course "${courseId}"`;
      sink.error(
        entry.position,
        `related lesson "${entry.lessonId}" is not a lesson of ${where}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
      );
      continue;
    }
    related.push({ courseId, lessonId: entry.lessonId });
  }
  return related;
}
