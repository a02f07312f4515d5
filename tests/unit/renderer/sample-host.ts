// The real host for tests of the page's state: the sample course compiled into a real library
// and progress store in a temp folder, and the page's own client calling it in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../electron/dispatch.ts';
import { openAppServices } from '../../../electron/services.ts';
import { clientFor, type Client } from '../../../renderer/src/lib/client.ts';

export interface SampleHost {
  client: Client;
  close(): void;
}

export async function openSampleHost(): Promise<SampleHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'studybook-test-'));
  const services = await openAppServices({
    dataDir,
    bundledPacks: {
      kind: 'sources',
      courseDirs: ['content/python-backend'],
      cacheDir: path.join(dataDir, 'packs'),
    },
    openExternal: async () => undefined,
  });
  return {
    client: clientFor((name, input) => dispatch(services.handlers, name, input)),
    close: () => {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
