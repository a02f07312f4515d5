import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../electron/ipc/call-names.ts';
import { buildElectron } from '../../../scripts/build-electron.ts';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
let root: string;

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function touchLater(file: string): void {
  const later = new Date(Date.now() + 10_000);
  utimesSync(file, later, later);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'studybook-build-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('buildElectron', () => {
  beforeEach(() => {
    write(
      'electron/main.ts',
      "import { app } from 'electron';\nimport { x } from './x.ts';\napp.setName(x);\n",
    );
    write('electron/x.ts', "export const x: string = 'Studybook';\n");
    write(
      'electron/preload.ts',
      "import { contextBridge } from 'electron';\ncontextBridge.exposeInMainWorld('a', {});\n",
    );
    write(
      'electron/library/install-worker.ts',
      "import { parentPort } from 'node:worker_threads';\nparentPort?.postMessage('ready');\n",
    );
  });

  it('bundles main as an ES module and the preload as CommonJS, leaving electron external', async () => {
    expect(await buildElectron(root, { log: () => {} })).toEqual(['main', 'preload', 'worker']);
    const main = readFileSync(path.join(root, 'dist/electron/main.js'), 'utf8');
    const preload = readFileSync(path.join(root, 'dist/electron/preload.cjs'), 'utf8');
    expect(main).toMatch(/import \{ app \} from "electron"/);
    expect(main).toContain('"Studybook"');
    expect(preload).toContain('require("electron")');
  });

  it('rebuilds nothing when nothing changed', async () => {
    await buildElectron(root, { log: () => {} });
    expect(await buildElectron(root, { log: () => {} })).toEqual([]);
  });

  it('rebuilds only the bundle whose input changed', async () => {
    await buildElectron(root, { log: () => {} });
    touchLater(path.join(root, 'electron/x.ts'));
    expect(await buildElectron(root, { log: () => {} })).toEqual(['main']);
  });

  it('rebuilds everything when forced', async () => {
    await buildElectron(root, { log: () => {} });
    expect(await buildElectron(root, { force: true, log: () => {} })).toEqual([
      'main',
      'preload',
      'worker',
    ]);
  });

  it('refuses a preload that pulls in code from outside electron/, and leaves no bundle', async () => {
    write('shared/helper.ts', 'export const helper = 1;\n');
    write(
      'electron/preload.ts',
      "import { helper } from '../shared/helper.ts';\nconsole.log(helper);\n",
    );
    await expect(buildElectron(root, { only: ['preload'], log: () => {} })).rejects.toThrow(
      /must bundle only electron\/ sources.*shared\/helper\.ts/,
    );
    expect(() => readFileSync(path.join(root, 'dist/electron/preload.cjs'))).toThrow();
  });
});

describe('the real preload bundle', () => {
  it('is self-contained and exposes one function per call plus onMenuCommand, onHostEvent and uploadPack', async () => {
    // A copy, not a link: esbuild follows links to their real path, outside this root.
    cpSync(path.join(repo, 'electron'), path.join(root, 'electron'), { recursive: true });
    symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    symlinkSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
    await buildElectron(root, { only: ['preload'], force: true, log: () => {} });
    const code = readFileSync(path.join(root, 'dist/electron/preload.cjs'), 'utf8');
    expect(code).not.toMatch(/zod/i);

    // Run it as Electron would, in a sandbox whose `require` offers only a fake contextBridge.
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: null };
        },
        on: () => {},
        removeListener: () => {},
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the preload required ${name}`);
        return electron;
      },
    });

    expect([...exposed.keys()]).toEqual(['studybook']);
    const bridge = exposed.get('studybook') ?? {};
    expect(Object.keys(bridge).sort()).toEqual(
      [...CALL_NAMES, 'onMenuCommand', 'onHostEvent', 'uploadPack'].sort(),
    );
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    await (bridge['getSettings'] as (input: object) => Promise<unknown>)({});
    expect(invoked).toEqual([['studybook:call', 'getSettings', {}]]);
  });
});
