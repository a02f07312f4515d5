// Course files inside the page's origin: `/assets/<course>/<name>` for images and
// `/assets/<course>/code.css` for a course's code colours. Shared by both hosts.

export type AssetPath =
  { kind: 'code-stylesheet'; courseId: string } | { kind: 'image'; courseId: string; name: string };

const ASSET_PATH = /^\/assets\/([a-z0-9][a-z0-9-]{0,127})\/([a-z0-9]{1,64}\.[a-z0-9]{1,5})$/;

/**
 * Recognises a course asset URL path; null for anything else (the built renderer's own
 * `/assets/…` files have no course segment and fall through to the static files).
 */
export function parseAssetPath(pathname: string): AssetPath | null {
  const match = ASSET_PATH.exec(pathname);
  if (!match) return null;
  const [, courseId = '', name = ''] = match;
  return name === 'code.css'
    ? { kind: 'code-stylesheet', courseId }
    : { kind: 'image', courseId, name };
}
