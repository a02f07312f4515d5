// "Changing a heading must not silently orphan progress": progress is keyed by section id, and a
// section without `{#id}` takes its id from its heading, so rewording a heading changes the id.
import type { DiagnosticList } from './diagnostics.ts';
import type { ParsedSection } from './lesson-parser.ts';
import type { PreviousSections } from './previous-pack.ts';

/** What the check needs to know of a lesson. */
export interface LessonSections {
  readonly id: string;
  readonly sections: readonly Pick<ParsedSection, 'id' | 'explicitId' | 'position'>[];
}

/**
 * Warns at each heading-derived section id that is new since `previous` while some id of the same
 * lesson disappeared: learners' progress under the old id would be lost. Never throws.
 */
export function checkSectionIdDrift(
  lessons: readonly LessonSections[],
  previous: PreviousSections,
  sink: DiagnosticList,
): void {
  for (const lesson of lessons) {
    const before = previous.lessons.get(lesson.id);
    if (!before) continue;
    const now = new Set(lesson.sections.map((section) => section.id));
    const orphaned = before.filter((id) => !now.has(id));
    if (orphaned.length === 0) continue;
    lesson.sections.forEach((section, position) => {
      if (section.explicitId || before.includes(section.id)) return;
      // The old id at the same position, or the only one that disappeared, is the likely rename.
      const atPosition = before[position];
      const likely =
        atPosition !== undefined && orphaned.includes(atPosition)
          ? atPosition
          : orphaned.length === 1
            ? orphaned[0]
            : undefined;
      sink.warning(
        section.position,
        likely
          ? `section id "${section.id}" comes from this heading and was "${likely}" in the previous pack: learners' progress on it would be lost; to keep it, end the heading with {#${likely}}`
          : `section id "${section.id}" comes from this heading and is new since the previous pack, while ${orphaned.map((id) => `"${id}"`).join(', ')} disappeared: if this section was renamed, end the heading with {#old-id} to keep learners' progress`,
      );
    });
  }
}
