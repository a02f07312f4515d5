// The fingerprint of a course's sources: equal hashes mean the same course content.
import { createHash } from 'node:crypto';
import { PACK_FORMAT_VERSION } from './pack-format.ts';

/**
 * sha256 hex over the pack format version and every source (path and bytes), in path order, so
 * that renaming a file or changing the format changes the hash. Pure.
 */
export function contentHash(sources: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  hash.update(`studybook-pack-format ${PACK_FORMAT_VERSION}\n`);
  const ordered = [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, data] of ordered) {
    // Lengths delimit the fields: no choice of names and contents can make two courses collide.
    hash.update(`${Buffer.byteLength(name)}:${name}${data.length}:`);
    hash.update(data);
  }
  return hash.digest('hex');
}
