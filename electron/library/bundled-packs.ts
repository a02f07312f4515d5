// Where the courses that come with the app are found: built from content/ in development (only
// when their sources changed since the last build), or shipped as packs in an installed app.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type BundledPackSource =
  { kind: 'sources'; courseDirs: string[]; cacheDir: string } | { kind: 'packs'; packDir: string };

export interface PackBuildFailure {
  source: string;
  diagnostics: string[];
}

export type PackFromSources = { ok: true; packFile: string } | ({ ok: false } & PackBuildFailure);

/** Lists the `.studypack` files of a folder, sorted; an absent folder has none. */
export function listPackFiles(packDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(packDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.studypack'))
    .sort()
    .map((name) => path.join(packDir, name));
}

/**
 * Builds the pack of the course in `courseDir` into `cacheDir`, or reuses the one built from the
 * same sources (same files, sizes and modification times). Never throws for a broken course:
 * its diagnostics come back instead.
 */
export async function packFromSources(
  courseDir: string,
  cacheDir: string,
): Promise<PackFromSources> {
  mkdirSync(cacheDir, { recursive: true });
  const base = path.join(cacheDir, path.basename(path.resolve(courseDir)));
  const packFile = `${base}.studypack`;
  const stampFile = `${base}.stamp`;
  const stamp = sourceStamp(courseDir);
  if (readIfPresent(stampFile) === stamp && isFile(packFile)) return { ok: true, packFile };

  // The compiler (markdown-it, shiki) loads only when something must be built.
  const { compileCourse, formatDiagnostic, writePack } = await import('../course/index.ts');
  const { course, diagnostics } = await compileCourse(courseDir);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!course || errors.length > 0) {
    return {
      ok: false,
      source: courseDir,
      diagnostics: errors.map((diagnostic) => formatDiagnostic(diagnostic, process.cwd())),
    };
  }
  writePack(course, packFile);
  writeFileSync(stampFile, stamp);
  return { ok: true, packFile };
}

/** A digest of every file's relative path, size and modification time under `dir`. */
export function sourceStamp(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const stat = statSync(full);
        hash.update(`${path.relative(dir, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
