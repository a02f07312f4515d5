// Which file a URL path may name: the policy shared by the app:// protocol handler and the
// preview host. Everything outside `root` is unreadable, however the path is spelled.
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Maps a URL pathname (still percent-encoded, as it arrives) to a file inside `root`, or null
 * when it would escape `root`: `..` segments, encoded `%2e%2e` or `%2f`, backslashes, NUL,
 * drive letters, or a symlink (also a dangling one, or a linked folder) pointing outside. `/`
 * maps to `index.html`. Does not check that the file exists (a missing file inside `root` is
 * returned, for the caller's 404), but follows links that do; null when `root` itself is
 * missing. Never throws.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-z]:/i.test(segment))) {
    return null;
  }
  const rootPath = path.resolve(root);
  const candidate = path.join(rootPath, ...(segments.length > 0 ? segments : ['index.html']));
  if (!isInside(rootPath, candidate)) return null;
  const realRoot = realPathOf(rootPath);
  if (typeof realRoot !== 'string') return null;
  // Links are followed: the deepest part of the path that exists must resolve inside the root.
  // A missing file is the caller's 404, not a policy question, but a missing file behind a link
  // that leads out (or a dangling link) is refused, so that creating the target later cannot
  // open a way out.
  for (let current = candidate; current !== rootPath; current = path.dirname(current)) {
    const real = realPathOf(current);
    if (real === MISSING) continue;
    if (real === null || !isInside(realRoot, real)) return null;
    return current === candidate ? real : candidate;
  }
  return candidate;
}

const MISSING = Symbol('missing');

/** The real path; MISSING when nothing is there, not even a link; null when it cannot be known. */
function realPathOf(file: string): string | null | typeof MISSING {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    try {
      lstatSync(file);
      return null; // A dangling link: it exists, its target does not.
    } catch {
      return MISSING;
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative !== '' &&
    relative !== '..' &&
    // Not a bare startsWith('..'): a file may be named `..notes.txt`.
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}
