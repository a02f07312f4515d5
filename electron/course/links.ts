// Where a link in a lesson may point, and what it becomes in the app.
import path from 'node:path';
import { lessonPath } from '../page-address.ts';
import { closestMatch } from './did-you-mean.ts';
import { slugify } from './slug.ts';

/** A lesson a link may point to. */
export interface LinkableLesson {
  readonly courseId: string;
  readonly lessonId: string;
  readonly sectionIds: readonly string[];
}

/** The lessons of every course compiled together, by file. */
export interface LinkIndex {
  /** The lesson whose source is the absolute path `file`, in any course of the run. */
  lessonAt(file: string): LinkableLesson | undefined;
  /** The id of the course of the run whose folder is `dir`. */
  courseAt(dir: string): string | undefined;
}

/** The lesson a link is written in. */
export interface LinkOrigin {
  readonly file: string;
  readonly courseDir: string;
  readonly lesson: LinkableLesson;
}

/** What a link becomes: an app route, an external page (opened after asking), or an error. */
export type ResolvedLink =
  | { readonly kind: 'internal'; readonly href: string; readonly warning?: string }
  | { readonly kind: 'external'; readonly href: string; readonly warning?: string }
  | { readonly kind: 'invalid'; readonly error: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ALLOWED = 'link to a lesson (other.md), a section (#section-id), or an https: page';

/**
 * Resolves `href` (as markdown-it normalised it) written in `origin` against `index`.
 * Pure; never throws.
 */
export function resolveLink(href: string, origin: LinkOrigin, index: LinkIndex): ResolvedLink {
  if (href === '') return { kind: 'invalid', error: `the link has no target: ${ALLOWED}` };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme !== undefined) return resolveExternal(href, scheme);
  if (href.startsWith('//')) {
    return { kind: 'invalid', error: `"${href}" has no scheme: write the address with https:` };
  }
  if (href.startsWith('/')) {
    return { kind: 'invalid', error: `"${href}" is an absolute path: ${ALLOWED}` };
  }

  const hash = href.indexOf('#');
  const target = decode(hash === -1 ? href : href.slice(0, hash));
  const fragment = hash === -1 ? null : decode(href.slice(hash + 1));
  if (target === '') {
    if (!fragment) return { kind: 'invalid', error: `"#" names no section: ${ALLOWED}` };
    return toSection(origin.lesson, fragment, 'this lesson');
  }
  if (!target.endsWith('.md')) {
    return {
      kind: 'invalid',
      error: `"${target}" is not a lesson: ${ALLOWED}; to show an image, write ![description](${target})`,
    };
  }

  const file = path.resolve(path.dirname(origin.file), target);
  const lesson = index.lessonAt(file);
  if (lesson) return toSection(lesson, fragment, `lesson "${lesson.lessonId}" (${target})`);
  if (file.startsWith(origin.courseDir + path.sep)) {
    return {
      kind: 'invalid',
      error: `"${target}" is not a lesson of this course: check the file name, or list it under "lessons" in course.yml`,
    };
  }
  const otherDir = path.dirname(file);
  const otherCourse = index.courseAt(otherDir);
  if (otherCourse !== undefined) {
    return { kind: 'invalid', error: `"${target}" is not a lesson of course "${otherCourse}"` };
  }
  return {
    kind: 'internal',
    href: lessonPath(path.basename(otherDir), slugify(path.basename(target, '.md')), fragment),
    warning: `"${target}" is in a course not checked with this one, so the link cannot be verified: check both courses together (studybook check <this-course> <other-course>)`,
  };
}

function resolveExternal(href: string, scheme: string): ResolvedLink {
  if (scheme === 'mailto') return { kind: 'external', href };
  if (scheme !== 'https' && scheme !== 'http') {
    return { kind: 'invalid', error: `"${scheme}:" links are not allowed: ${ALLOWED}` };
  }
  if (!URL.canParse(href) || new URL(href).hostname === '') {
    return { kind: 'invalid', error: `"${href}" is not a valid web address` };
  }
  return scheme === 'https'
    ? { kind: 'external', href }
    : {
        kind: 'external',
        href,
        warning: `"${href}" is not encrypted: use https: if the site supports it`,
      };
}

function toSection(lesson: LinkableLesson, fragment: string | null, what: string): ResolvedLink {
  if (!fragment) return { kind: 'internal', href: lessonPath(lesson.courseId, lesson.lessonId) };
  if (lesson.sectionIds.includes(fragment)) {
    return { kind: 'internal', href: lessonPath(lesson.courseId, lesson.lessonId, fragment) };
  }
  const suggestion = closestMatch(fragment, lesson.sectionIds);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : lesson.sectionIds.length > 0
      ? `its sections are ${lesson.sectionIds.map((id) => `"${id}"`).join(', ')}`
      : 'it has no sections';
  return { kind: 'invalid', error: `${what} has no section "${fragment}": ${hint}` };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
