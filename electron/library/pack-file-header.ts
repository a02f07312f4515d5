// What a file is, from its first bytes and its size, before SQLite is let near it: a complete
// SQLite database, or something a learner could have picked by mistake (a zip archive, a text
// file renamed, a copy cut short), each answered in words.

/** The bytes of a SQLite file header. */
export const SQLITE_HEADER_LENGTH = 100;

/** How much of a file `describeFileStart` wants to see. */
export const SNIFF_LENGTH = 512;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_MAGICS = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from([0x50, 0x4b, 0x05, 0x06]),
  Buffer.from([0x50, 0x4b, 0x07, 0x08]),
];

/** A SQLite header's facts, read straight from its bytes. */
export interface SqliteHeader {
  pageSize: number;
  /** Pages the header says the file has, or null when that field is not known to be current. */
  pageCount: number | null;
  userVersion: number;
  applicationId: number;
}

export type FileStart =
  | { kind: 'sqlite'; header: SqliteHeader }
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'text' }
  | { kind: 'truncated'; expectedBytes: number | null }
  | { kind: 'unknown' };

/**
 * Classifies a file from its first bytes (`start`, up to SNIFF_LENGTH of them) and its size in
 * bytes. A SQLite file is 'truncated' when it is shorter than its header says, not a whole number
 * of pages, or too short to hold a header at all. Pure.
 */
export function describeFileStart(start: Buffer, fileSize: number): FileStart {
  if (fileSize === 0 || start.length === 0) return { kind: 'empty' };
  if (ZIP_MAGICS.some((magic) => startsWith(start, magic))) return { kind: 'zip' };
  if (startsWith(start, SQLITE_MAGIC)) {
    if (fileSize < SQLITE_HEADER_LENGTH || start.length < SQLITE_HEADER_LENGTH) {
      return { kind: 'truncated', expectedBytes: null };
    }
    const header = readSqliteHeader(start);
    if (header === null) return { kind: 'unknown' };
    if (header.pageCount !== null && fileSize < header.pageCount * header.pageSize) {
      return { kind: 'truncated', expectedBytes: header.pageCount * header.pageSize };
    }
    if (fileSize % header.pageSize !== 0) return { kind: 'truncated', expectedBytes: null };
    return { kind: 'sqlite', header };
  }
  if (looksLikeText(start)) return { kind: 'text' };
  return { kind: 'unknown' };
}

function readSqliteHeader(header: Buffer): SqliteHeader | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  // A power of two from 512 to 65536, or this is not a SQLite file whatever its first bytes say.
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  // The page count is trustworthy only when it was written with the current change counter.
  const current = header.readUInt32BE(92) === changeCounter && pageCount > 0;
  return {
    pageSize,
    pageCount: current ? pageCount : null,
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
  };
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);
}

// Text: valid UTF-8 (a multi-byte character cut at the end of the sample is forgiven) with no
// control characters other than tab, line feed, form feed and carriage return.
function looksLikeText(sample: Buffer): boolean {
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      return false;
    }
    if (byte === 0x7f) return false;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut < 4 && cut < sample.length; cut += 1) {
    try {
      decoder.decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      // try without the last bytes
    }
  }
  return false;
}
