// Finding Electron's binary without ever triggering its download: `require('electron')`
// downloads on first use, which hangs or crashes where there is no internet. This mirrors
// node_modules/electron/index.js's lookup, minus the download, and makes the one download
// attempt explicit, bounded and quiet.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ElectronBinary {
  /** Where the executable is (or would be). */
  path: string;
  exists: boolean;
  /** Set when ELECTRON_OVERRIDE_DIST_PATH chose the folder. */
  override: string | null;
}

/** The executable inside an unpacked Electron, as electron/install.js names it. */
export function electronExecutableName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Locates the Electron executable of the `electron` package in `electronDir`: the folder named by
 * ELECTRON_OVERRIDE_DIST_PATH if set, else `<electronDir>/dist`, with the executable's name from
 * path.txt (written by the installer) or the platform's default. Never downloads, never throws.
 */
export function locateElectronBinary(options: {
  electronDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}): ElectronBinary {
  let executable = electronExecutableName(options.platform);
  try {
    executable =
      readFileSync(path.join(options.electronDir, 'path.txt'), 'utf8').trim() || executable;
  } catch {
    // Not installed yet: the platform's default name.
  }
  const override = options.env['ELECTRON_OVERRIDE_DIST_PATH'] || null;
  const binary = path.join(override ?? path.join(options.electronDir, 'dist'), executable);
  return { path: binary, exists: isFile(binary), override };
}

/** The outcome of the one download attempt; `detail` is a one-line reason when it failed. */
export interface InstallAttempt {
  ok: boolean;
  detail: string;
}

/**
 * Runs electron's own installer once (`node install.js`, what `npx install-electron` does),
 * capturing its output and giving up after `timeoutMs`. Never throws.
 */
export function tryInstallElectron(electronDir: string, timeoutMs = 60_000): InstallAttempt {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return { ok: false, detail: `${installer} is missing` };
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return {
      ok: false,
      detail: timedOut ? `no answer within ${timeoutMs / 1000} s` : result.error.message,
    };
  }
  if (result.status === 0) return { ok: true, detail: '' };
  return { ok: false, detail: firstErrorLine(`${result.stderr}\n${result.stdout}`) };
}

/**
 * The one message `npm start` prints when there is no Electron binary: what is wrong, how to fix
 * it, and what works meanwhile.
 */
export function missingElectronMessage(options: {
  binary: ElectronBinary;
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  attempt: InstallAttempt | null;
}): string {
  const target = `Electron ${options.version} for ${options.platform}-${options.arch}`;
  const problem = options.binary.override
    ? `ELECTRON_OVERRIDE_DIST_PATH is ${options.binary.override}, but ${options.binary.path} does not exist.`
    : `The Electron binary could not be downloaded (no internet connection?). Electron fetches it on first run.`;
  const lines = [`Studybook cannot start in Electron. ${problem}`];
  if (options.attempt && !options.attempt.ok && options.attempt.detail) {
    lines.push(`  The download said: ${options.attempt.detail}`);
  }
  lines.push(
    '  To fix it, either:',
    '    - run `npx install-electron` in this folder on a machine with internet access, or',
    `    - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked ${target}.`,
    '  Meanwhile, `npm run preview` shows the same app in your browser.',
  );
  return lines.join('\n');
}

/**
 * Arguments for launching the app's bundled main script. As root on Linux, Chromium refuses to
 * start with its sandbox on; development containers often run as root, so there (only) the OS
 * sandbox is switched off and `sandboxDisabled` says so.
 */
export function electronLaunchArgs(options: {
  mainScript: string;
  platform: NodeJS.Platform;
  uid: number | undefined;
  extra?: readonly string[];
}): { args: string[]; sandboxDisabled: boolean } {
  const sandboxDisabled = options.platform === 'linux' && options.uid === 0;
  return {
    args: [
      options.mainScript,
      ...(sandboxDisabled ? ['--no-sandbox'] : []),
      ...(options.extra ?? []),
    ],
    sandboxDisabled,
  };
}

/** The environment for Electron: without ELECTRON_RUN_AS_NODE, which would turn it into Node. */
export function electronEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  delete clean['ELECTRON_RUN_AS_NODE'];
  return clean;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function firstErrorLine(output: string): string {
  const line = output
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return line === undefined ? 'the installer failed without saying why' : line.slice(0, 300);
}
