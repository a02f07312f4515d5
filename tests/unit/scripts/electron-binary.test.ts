import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  electronEnvironment,
  electronExecutableName,
  electronLaunchArgs,
  locateElectronBinary,
  missingElectronMessage,
  tryInstallElectron,
} from '../../../scripts/electron-binary.ts';

let electronDir: string;

beforeEach(() => {
  electronDir = mkdtempSync(path.join(tmpdir(), 'studybook-electron-'));
});
afterEach(() => {
  rmSync(electronDir, { recursive: true, force: true });
});

function placeBinary(folder: string, name: string): string {
  const binary = path.join(folder, name);
  mkdirSync(path.dirname(binary), { recursive: true });
  writeFileSync(binary, '#!/bin/sh\n');
  chmodSync(binary, 0o755);
  return binary;
}

describe('locateElectronBinary', () => {
  it('reports the platform’s default location as missing before any download', () => {
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' })).toEqual({
      path: path.join(electronDir, 'dist', 'electron'),
      exists: false,
      override: null,
    });
  });

  it('finds the binary the installer recorded in path.txt', () => {
    const binary = placeBinary(path.join(electronDir, 'dist'), 'electron');
    writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' })).toMatchObject({
      path: binary,
      exists: true,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const distDir = path.join(electronDir, 'unpacked-electron-45');
    const binary = placeBinary(distDir, 'electron');
    expect(
      locateElectronBinary({
        electronDir,
        env: { ELECTRON_OVERRIDE_DIST_PATH: distDir },
        platform: 'linux',
      }),
    ).toEqual({ path: binary, exists: true, override: distDir });
  });

  it('uses each platform’s executable name', () => {
    expect(electronExecutableName('win32')).toBe('electron.exe');
    expect(electronExecutableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(electronExecutableName('linux')).toBe('electron');
  });

  it('does not take a folder for the binary', () => {
    mkdirSync(path.join(electronDir, 'dist', 'electron'), { recursive: true });
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' }).exists).toBe(false);
  });
});

describe('tryInstallElectron', () => {
  it('reports the installer’s error in one line, without its stack', () => {
    writeFileSync(
      path.join(electronDir, 'install.js'),
      "console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);",
    );
    expect(tryInstallElectron(electronDir)).toEqual({
      ok: false,
      detail: 'Error: getaddrinfo ENOTFOUND github.com',
    });
  });

  it('gives up on an installer that hangs', () => {
    writeFileSync(path.join(electronDir, 'install.js'), 'setInterval(() => {}, 1000);');
    expect(tryInstallElectron(electronDir, 500)).toEqual({
      ok: false,
      detail: 'no answer within 0.5 s',
    });
  });

  it('reports success', () => {
    writeFileSync(path.join(electronDir, 'install.js'), 'process.exit(0);');
    expect(tryInstallElectron(electronDir)).toEqual({ ok: true, detail: '' });
  });

  it('reports a missing installer', () => {
    expect(tryInstallElectron(electronDir).ok).toBe(false);
  });
});

describe('missingElectronMessage', () => {
  const binary = {
    path: '/repo/node_modules/electron/dist/electron',
    exists: false,
    override: null,
  };

  it('says what failed, how to fix it and what works meanwhile', () => {
    const message = missingElectronMessage({
      binary,
      version: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      attempt: { ok: false, detail: 'Error: getaddrinfo ENOTFOUND github.com' },
    });
    expect(message).toContain('could not be downloaded (no internet');
    expect(message).toContain('getaddrinfo ENOTFOUND github.com');
    expect(message).toContain('npx install-electron');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(message).toContain('Electron 45.5.0 for linux-x64');
    expect(message).toContain('npm run preview');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('blames a wrong ELECTRON_OVERRIDE_DIST_PATH instead of the network', () => {
    const message = missingElectronMessage({
      binary: { path: '/opt/e45/electron', exists: false, override: '/opt/e45' },
      version: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      attempt: null,
    });
    expect(message).toContain(
      'ELECTRON_OVERRIDE_DIST_PATH is /opt/e45, but /opt/e45/electron does not exist',
    );
    expect(message).not.toContain('no internet');
  });
});

describe('electronLaunchArgs', () => {
  it('starts the bundled main script with the extra arguments', () => {
    expect(
      electronLaunchArgs({
        mainScript: '/repo/dist/electron/main.js',
        platform: 'linux',
        uid: 1000,
        extra: ['--x'],
      }),
    ).toEqual({ args: ['/repo/dist/electron/main.js', '--x'], sandboxDisabled: false });
  });

  it('switches Chromium’s OS sandbox off only for root on Linux, and says so', () => {
    expect(electronLaunchArgs({ mainScript: 'm.js', platform: 'linux', uid: 0 })).toEqual({
      args: ['m.js', '--no-sandbox'],
      sandboxDisabled: true,
    });
    expect(
      electronLaunchArgs({ mainScript: 'm.js', platform: 'darwin', uid: 0 }).sandboxDisabled,
    ).toBe(false);
    expect(
      electronLaunchArgs({ mainScript: 'm.js', platform: 'win32', uid: undefined }).sandboxDisabled,
    ).toBe(false);
  });
});

describe('electronEnvironment', () => {
  it('drops ELECTRON_RUN_AS_NODE, which would start Electron as plain Node', () => {
    expect(electronEnvironment({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' })).toEqual({
      PATH: '/bin',
    });
  });
});
