// Packs on their way in. Whatever brings a pack (an upload to the preview host, the page sending
// a dropped file over IPC, a path from File › Open or the command line) first copies its bytes
// here, under an opaque id; the page then installs it by that id. No call ever takes a path from
// the page, and an install reads a private copy that nothing else can change meanwhile.
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import { formatBytes } from './check-pack.ts';

/** How a staged pack is named on the wire: 32 lowercase hex digits. */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A staged pack: its private file, and the name the learner knows it by. */
export interface StagedPack {
  id: string;
  file: string;
  displayName: string;
  bytes: number;
}

/** Bytes arriving for one pack; `finish` stages them, `abort` throws them away. */
export interface PackUpload {
  /** Appends a chunk; throws UploadTooLargeError past the limit (the upload is then aborted). */
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<StagedPack>;
  abort(): void;
}

/** More bytes than a pack may have. */
export class UploadTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The file is larger than ${formatBytes(limit)}, the most a course pack may be.`);
    this.name = 'UploadTooLargeError';
    this.limit = limit;
  }
}

export interface PackStagingOptions {
  dir: string;
  /** The most bytes one pack may have. */
  maxBytes: number;
  /** Staged packs nobody installed are removed after this long. */
  maxAgeMs?: number;
  now?: () => number;
}

/** The staging folder. Starts empty: what a previous run left is removed. */
export class PackStaging {
  readonly #dir: string;
  readonly #maxBytes: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #staged = new Map<string, StagedPack & { stagedAt: number }>();

  constructor(options: PackStagingOptions) {
    this.#dir = options.dir;
    this.#maxBytes = options.maxBytes;
    this.#maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
    this.#now = options.now ?? Date.now;
    rmSync(this.#dir, { recursive: true, force: true });
    mkdirSync(this.#dir, { recursive: true });
  }

  /** The most bytes one pack may have. */
  get maxBytes(): number {
    return this.#maxBytes;
  }

  /** Starts receiving a pack the learner knows as `displayName`. */
  begin(displayName: string): PackUpload {
    this.#expire();
    const id = randomBytes(16).toString('hex');
    const file = path.join(this.#dir, `${id}.studypack`);
    const stream: WriteStream = createWriteStream(file, { flags: 'wx' });
    let failure: Error | null = null;
    stream.on('error', (error) => {
      failure ??= error;
    });
    let bytes = 0;
    let settled = false;
    const discard = () => {
      settled = true;
      stream.destroy();
      rmSync(file, { force: true });
    };
    return {
      write: async (chunk) => {
        if (settled) throw new Error('This upload is already finished.');
        if (failure) throw failure;
        bytes += chunk.byteLength;
        if (bytes > this.#maxBytes) {
          discard();
          throw new UploadTooLargeError(this.#maxBytes);
        }
        if (!stream.write(chunk)) {
          await new Promise<void>((resolve, reject) => {
            stream.once('drain', resolve);
            stream.once('error', reject);
          });
        }
      },
      finish: async () => {
        if (settled) throw new Error('This upload is already finished.');
        settled = true;
        await new Promise<void>((resolve, reject) => {
          stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
        }).catch((error: unknown) => {
          rmSync(file, { force: true });
          throw error;
        });
        const staged = { id, file, displayName: cleanName(displayName), bytes };
        this.#staged.set(id, { ...staged, stagedAt: this.#now() });
        return staged;
      },
      abort: () => {
        if (!settled) discard();
      },
    };
  }

  /**
   * Copies the file at `source` (a path main got from the OS: a dialog, the command line) into
   * staging. Throws UploadTooLargeError, or the file system's error when it cannot be read.
   */
  async stageFile(source: string): Promise<StagedPack> {
    const size = statSync(source).size;
    if (size > this.#maxBytes) throw new UploadTooLargeError(this.#maxBytes);
    const upload = this.begin(path.basename(source));
    try {
      for await (const chunk of createReadStream(source)) await upload.write(chunk as Buffer);
      return await upload.finish();
    } catch (error) {
      upload.abort();
      throw error;
    }
  }

  /** The staged pack `id`, or null when there is none (never staged, used, or expired). */
  get(id: string): StagedPack | null {
    this.#expire();
    const staged = this.#staged.get(id);
    return staged
      ? { id, file: staged.file, displayName: staged.displayName, bytes: staged.bytes }
      : null;
  }

  /**
   * Takes pack `id` out of staging without deleting its file (it is moved on by the caller).
   * Null when there is none.
   */
  take(id: string): StagedPack | null {
    const staged = this.get(id);
    if (staged) this.#staged.delete(id);
    return staged;
  }

  /** Deletes staged pack `id`; false when there was none. */
  discard(id: string): boolean {
    const staged = this.#staged.get(id);
    if (!staged) return false;
    this.#staged.delete(id);
    rmSync(staged.file, { force: true });
    return true;
  }

  /** Deletes every staged pack and any file left in the folder. */
  clear(): void {
    this.#staged.clear();
    for (const name of safeList(this.#dir)) rmSync(path.join(this.#dir, name), { force: true });
  }

  #expire(): void {
    const now = this.#now();
    for (const [id, staged] of this.#staged) {
      if (now - staged.stagedAt > this.#maxAgeMs) this.discard(id);
    }
  }
}

// Only the last path segment, without control characters, and of a sane length: it is shown to
// the learner and nothing else.
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'The file';
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
