// "Is this build output older than its sources?", by modification time: enough for a developer's
// `npm start`, where a needless rebuild costs seconds and a missed one costs confusion.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Never sources: dependencies, VCS data, caches and other dot-folders.
const SKIPPED_NAMES: ReadonlySet<string> = new Set(['node_modules']);

/**
 * The newest modification time (ms since the epoch) among `paths`, descending into folders
 * (skipping node_modules and dot-entries); -Infinity when none of them exists.
 */
export function newestMtime(paths: readonly string[]): number {
  let newest = -Infinity;
  for (const entry of paths) {
    let stats;
    try {
      stats = statSync(entry);
    } catch {
      continue;
    }
    newest = Math.max(newest, stats.mtimeMs);
    if (!stats.isDirectory()) continue;
    const children = readdirSync(entry)
      .filter((name) => !name.startsWith('.') && !SKIPPED_NAMES.has(name))
      .map((name) => path.join(entry, name));
    newest = Math.max(newest, newestMtime(children));
  }
  return newest;
}

/** True when `output` does not exist or any of `inputs` was modified after it. */
export function isOutOfDate(output: string, inputs: readonly string[]): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(inputs) > builtAt;
}
