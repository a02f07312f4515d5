// Main's end of UPLOAD_CHANNEL: the page sends a pack's bytes in chunks, each step answered with a
// CallOutcome, never a throw. Transfers belong to the web contents that began them, so one page
// can never write into another's.
import { randomBytes } from 'node:crypto';
import type { CallOutcome } from '../api.ts';
import { formatBytes } from '../library/check-pack.ts';
import { UploadTooLargeError, type PackUpload } from '../library/pack-staging.ts';
import type { PackUploads } from '../services.ts';
import type { UploadedPack, UploadStep } from './channels.ts';
import { UPLOAD_STEPS } from './channels.ts';

/** At most this many uploads at once per page: the page sends one at a time. */
const MAX_OPEN_TRANSFERS = 4;

export interface UploadTransfers {
  /** Runs one step for `owner` (the sender's web contents id). Never throws. */
  step(owner: number, step: unknown, args: unknown[]): Promise<CallOutcome<unknown>>;
  /** Aborts every transfer of `owner` (its page went away). */
  abandon(owner: number): void;
}

/** The transfers of every page, into `uploads`. */
export function createUploadTransfers(uploads: PackUploads): UploadTransfers {
  const open = new Map<string, { owner: number; upload: PackUpload }>();
  const refuse = (message: string): CallOutcome<never> => ({
    ok: false,
    error: { code: 'invalid-input', message },
  });
  const tooLarge = () =>
    refuse(
      `The file is larger than ${formatBytes(uploads.maxBytes)}, the most a course pack may be.`,
    );

  const transferOf = (owner: number, id: unknown) => {
    const transfer = typeof id === 'string' ? open.get(id) : undefined;
    return transfer && transfer.owner === owner ? transfer : null;
  };

  return {
    async step(owner, step, args) {
      if (!(UPLOAD_STEPS as readonly unknown[]).includes(step)) {
        return refuse('There is no such upload step.');
      }
      try {
        switch (step as UploadStep) {
          case 'begin': {
            const [name, size] = args;
            if (typeof name !== 'string' || typeof size !== 'number' || !(size >= 0)) {
              return refuse('An upload begins with the file’s name and size.');
            }
            if (size > uploads.maxBytes) return tooLarge();
            if ([...open.values()].filter((t) => t.owner === owner).length >= MAX_OPEN_TRANSFERS) {
              return refuse('Too many uploads at once.');
            }
            const id = randomBytes(16).toString('hex');
            open.set(id, { owner, upload: uploads.begin(name.slice(0, 1000)) });
            return { ok: true, value: { transferId: id } };
          }
          case 'chunk': {
            const [id, bytes] = args;
            const transfer = transferOf(owner, id);
            if (!transfer) return refuse('There is no such upload.');
            if (!(bytes instanceof Uint8Array)) return refuse('A chunk must be bytes.');
            try {
              await transfer.upload.write(bytes);
            } catch (error) {
              open.delete(id as string);
              if (error instanceof UploadTooLargeError) return tooLarge();
              throw error;
            }
            return { ok: true, value: null };
          }
          case 'finish': {
            const [id] = args;
            const transfer = transferOf(owner, id);
            if (!transfer) return refuse('There is no such upload.');
            open.delete(id as string);
            const staged = await transfer.upload.finish();
            const value: UploadedPack = {
              uploadId: staged.id,
              name: staged.displayName,
              bytes: staged.bytes,
            };
            return { ok: true, value };
          }
          case 'abort': {
            const [id] = args;
            const transfer = transferOf(owner, id);
            if (transfer) {
              open.delete(id as string);
              transfer.upload.abort();
            }
            return { ok: true, value: null };
          }
        }
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'Studybook could not store the file.' },
        };
      }
    },
    abandon(owner) {
      for (const [id, transfer] of open) {
        if (transfer.owner !== owner) continue;
        open.delete(id);
        transfer.upload.abort();
      }
    },
  };
}
