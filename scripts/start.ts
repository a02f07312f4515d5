// `npm start`: bring dist/ up to date, find Electron's binary (one bounded download attempt if it
// is missing, never a hang) and run Studybook on the sample courses. Where Electron cannot be had,
// it says so in one message and exits 1.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareApp } from './build-app.ts';
import {
  electronEnvironment,
  electronLaunchArgs,
  locateElectronBinary,
  missingElectronMessage,
  tryInstallElectron,
  type InstallAttempt,
} from './electron-binary.ts';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

async function main(): Promise<number> {
  const lookup = () =>
    locateElectronBinary({ electronDir, env: process.env, platform: process.platform });
  let binary = lookup();
  let attempt: InstallAttempt | null = null;
  // With an override, the installer would download into node_modules, not where it points.
  if (!binary.exists && !binary.override) {
    console.log('Electron’s binary is not installed yet; trying to download it once…');
    attempt = tryInstallElectron(electronDir);
    binary = lookup();
  }
  if (!binary.exists) {
    const { version } = JSON.parse(
      readFileSync(path.join(electronDir, 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    console.error(
      missingElectronMessage({
        binary,
        version,
        platform: process.platform,
        arch: process.arch,
        attempt,
      }),
    );
    return 1;
  }

  await prepareApp(root);

  const { args, sandboxDisabled } = electronLaunchArgs({
    mainScript: path.join(root, 'dist', 'electron', 'main.js'),
    platform: process.platform,
    uid: process.getuid?.(),
    extra: process.argv.slice(2),
  });
  if (sandboxDisabled) {
    console.warn('Running as root: Chromium’s OS sandbox is off for this development run.');
  }
  return launch(binary.path, args);
}

function launch(binary: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: root,
      stdio: 'inherit',
      env: electronEnvironment(process.env),
    });
    // Ctrl+C reaches Electron through the terminal; a kill sent to npm alone is passed on.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => child.kill(signal));
    }
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
