// Course files inside the page's origin: `/assets/<course>/<name>` for images and
// `/assets/<course>/code.css` for a course's code colours. Shared by both hosts.
import { ID_PATTERN } from '../ids.ts';

export type AssetPath =
  { kind: 'code-stylesheet'; courseId: string } | { kind: 'image'; courseId: string; name: string };

// The course segment arrives percent-encoded when the course id is not ASCII ("हिन्दी-पाठ"), so
// it is decoded and then held to the id rule; 1,200 characters fit 128 encoded four-byte letters.
const ASSET_PATH = /^\/assets\/([^/]{1,1200})\/([a-z0-9]{1,64}\.[a-z0-9]{1,5})$/;

/**
 * Recognises a course asset URL path; null for anything else (the built renderer's own
 * `/assets/…` files have no course segment and fall through to the static files).
 */
export function parseAssetPath(pathname: string): AssetPath | null {
  const match = ASSET_PATH.exec(pathname);
  if (!match) return null;
  const [, segment = '', name = ''] = match;
  const courseId = decodeSegment(segment);
  if (courseId === null || !ID_PATTERN.test(courseId)) return null;
  return name === 'code.css'
    ? { kind: 'code-stylesheet', courseId }
    : { kind: 'image', courseId, name };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
