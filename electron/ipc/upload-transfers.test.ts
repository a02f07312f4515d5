import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { PackStaging } from '../library/pack-staging.ts';
import { createUploadTransfers } from './upload-transfers.ts';

vi.mock('electron', () => ({ ipcMain: { handle: () => {}, removeHandler: () => {} } }));
const { answerUpload } = await import('./ipc-main.ts');

const temp = makeTempDir();
afterAll(() => temp.remove());
let dirs = 0;
function staging(maxBytes = 1000) {
  dirs += 1;
  return new PackStaging({ dir: path.join(temp.dir, `s${dirs}`), maxBytes });
}

describe('uploads over IPC', () => {
  it('stages the chunks of a transfer and answers the staged pack', async () => {
    const store = staging();
    const transfers = createUploadTransfers(store);
    const begun = await transfers.step(7, 'begin', ['week 3.studypack', 6]);
    expect(begun).toMatchObject({ ok: true, value: { transferId: expect.any(String) } });
    const { transferId } = (begun as { value: { transferId: string } }).value;
    expect(await transfers.step(7, 'chunk', [transferId, new Uint8Array([104, 101, 108])])).toEqual(
      {
        ok: true,
        value: null,
      },
    );
    await transfers.step(7, 'chunk', [transferId, new Uint8Array([108, 111, 33])]);
    const finished = await transfers.step(7, 'finish', [transferId]);
    expect(finished).toMatchObject({
      ok: true,
      value: {
        uploadId: expect.stringMatching(/^[0-9a-f]{32}$/),
        name: 'week 3.studypack',
        bytes: 6,
      },
    });
    const { uploadId } = (finished as { value: { uploadId: string } }).value;
    expect(readFileSync(store.get(uploadId)?.file ?? '', 'utf8')).toBe('hello!');
  });

  it('never lets one page write into another page’s transfer', async () => {
    const transfers = createUploadTransfers(staging());
    const begun = (await transfers.step(1, 'begin', ['a.studypack', 1])) as {
      value: { transferId: string };
    };
    const intruder = await transfers.step(2, 'chunk', [begun.value.transferId, new Uint8Array(1)]);
    expect(intruder).toMatchObject({ ok: false, error: { message: 'There is no such upload.' } });
  });

  it('refuses a declared or actual size above the limit, and malformed steps', async () => {
    const transfers = createUploadTransfers(staging(4));
    expect(await transfers.step(1, 'begin', ['big.studypack', 5])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/larger than 4 bytes/) },
    });
    const begun = (await transfers.step(1, 'begin', ['lying.studypack', 1])) as {
      value: { transferId: string };
    };
    expect(
      await transfers.step(1, 'chunk', [begun.value.transferId, new Uint8Array(5)]),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than/) } });
    for (const [step, args] of [
      ['delete', []],
      ['begin', [42, 1]],
      ['chunk', ['nope', new Uint8Array(1)]],
      ['chunk', [begun.value.transferId, 'not bytes']],
    ] as const) {
      expect(await transfers.step(1, step, [...args]), String(step)).toMatchObject({ ok: false });
    }
  });

  it('refuses every step from a page that is not the app’s, before touching a transfer', async () => {
    const transfers = { step: vi.fn(), abandon: vi.fn() };
    const log = vi.fn();
    const outcome = await answerUpload(
      transfers,
      { url: 'https://evil.example/', parent: null },
      { id: 3 },
      'begin',
      ['x.studypack', 1],
      log,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(transfers.step).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });

  it('deletes the unfinished uploads of a page that went away', async () => {
    const dir = staging();
    const transfers = createUploadTransfers(dir);
    const begun = (await transfers.step(9, 'begin', ['x.studypack', 3])) as {
      value: { transferId: string };
    };
    await transfers.step(9, 'chunk', [begun.value.transferId, new Uint8Array(2)]);
    transfers.abandon(9);
    expect(await transfers.step(9, 'finish', [begun.value.transferId])).toMatchObject({
      ok: false,
    });
  });
});
