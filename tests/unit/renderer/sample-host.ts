// The real host for tests of the page's state: the sample course compiled into a real library
// and progress store in a temp folder, and the page's own client calling it in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { dispatch, type Handlers } from '../../../electron/dispatch.ts';
import type { HostCall } from '../../../electron/page-address.ts';
import { openAppServices } from '../../../electron/services.ts';
import { clientFor, type Client } from '../../../renderer/src/lib/client.ts';

interface SampleHost {
  client: Client;
  /** One call, answered as its outcome: how a host's own code (page-html.ts) calls it. */
  call: HostCall;
  /** The contract's handlers, for a host's own code to be handed. */
  handlers: Handlers;
  close(): void;
}

async function openSampleHost(): Promise<SampleHost> {
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
  const call: HostCall = (name, input) => dispatch(services.handlers, name, input);
  return {
    client: clientFor(call),
    call,
    handlers: services.handlers,
    close: () => {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the sample host before the file's tests and closes it after them. Its `client` can be
 * read once a test runs.
 */
export function useSampleHost(): Readonly<Pick<SampleHost, 'client' | 'call' | 'handlers'>> {
  let host: SampleHost | null = null;
  beforeAll(async () => {
    host = await openSampleHost();
  });
  afterAll(() => host?.close());
  const opened = () => {
    if (!host) throw new Error('The sample host opens before the tests, not before the file.');
    return host;
  };
  return {
    get client() {
      return opened().client;
    },
    get call() {
      return opened().call;
    },
    get handlers() {
      return opened().handlers;
    },
  };
}
