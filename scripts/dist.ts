// `npm run dist`: the installers an instructor hands out. In order: check studybook.config.json,
// build the page (Vite) and main (esbuild), compile the course folders into packs (out/courses,
// shipped as extraResources and installed on first start), render the icons, then run
// electron-builder with electron-builder.yml and the config's name and id. Every failure ends in
// one message that says what to do, never a stack trace.
//
//   npm run dist                         every course of studybook.config.json's "courses"
//   npm run dist -- path/to/my-course    these course folders instead
//   npm run dist -- --dir                the unpacked app only (no installer tools needed)
//   npm run dist -- --linux --win        other platforms' installers (where their tools run)
//   npm run dist -- --electron-dist <zip or folder>   an Electron copied by hand (no internet)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderIcons } from '../build/render-icons.ts';
import { checkCourses, formatDiagnostic, writePack } from '../electron/course/index.ts';
import { AppConfigError, builderOverrides, loadAppConfig } from './app-config.ts';
import { buildElectron } from './build-electron.ts';
import { explainDistFailure } from './dist-errors.ts';

const root = path.resolve(import.meta.dirname, '..');

/** A step failed in a way its message already explains. */
class DistError extends Error {
  override name = 'DistError';
}

/** The course folders under each of `entries`: a folder with a course.yml, or folders of them. */
export function findCourseDirs(entries: readonly string[], base: string): string[] {
  const found: string[] = [];
  for (const entry of entries) {
    const dir = path.resolve(base, entry);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new DistError(
        `${entry} is not a folder: list course folders in studybook.config.json.`,
      );
    }
    if (existsSync(path.join(dir, 'course.yml'))) {
      found.push(dir);
      continue;
    }
    for (const child of readdirSync(dir, { withFileTypes: true })) {
      const courseDir = path.join(dir, child.name);
      if (child.isDirectory() && existsSync(path.join(courseDir, 'course.yml')))
        found.push(courseDir);
    }
  }
  if (found.length === 0) {
    throw new DistError(
      `No course folder (a folder with a course.yml) in ${entries.join(', ')}. Put your course in content/.`,
    );
  }
  return found.sort();
}

/** Compiles `courseDirs` together into `<outDir>/<course-id>.studypack`. Throws DistError listing every error. */
export async function buildCoursePacks(
  courseDirs: readonly string[],
  outDir: string,
): Promise<string[]> {
  const { courses, diagnostics } = await checkCourses([...courseDirs]);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    throw new DistError(
      `The courses have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'} and run npm run dist again:\n` +
        errors.map((diagnostic) => `  ${formatDiagnostic(diagnostic, process.cwd())}`).join('\n'),
    );
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return courses.map((course) => {
    const file = path.join(outDir, `${course.id}.studypack`);
    writePack(course, file);
    return file;
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      dir: { type: 'boolean' },
      linux: { type: 'boolean' },
      win: { type: 'boolean' },
      mac: { type: 'boolean' },
      x64: { type: 'boolean' },
      arm64: { type: 'boolean' },
      'electron-dist': { type: 'string' },
    },
    allowPositionals: true,
  });

  const config = loadAppConfig(root);
  console.log(`Packaging ${config.productName} (${config.appId}).`);

  console.log('Building the page (vite build)…');
  const vite = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (vite.status !== 0) throw new DistError('vite build failed (see its output above).');
  await buildElectron(root, { force: true, log: () => {} });

  const courseDirs = findCourseDirs(positionals.length > 0 ? positionals : config.courses, root);
  const packs = await buildCoursePacks(courseDirs, path.join(root, 'out', 'courses'));
  console.log(
    `Built ${packs.length} course pack${packs.length === 1 ? '' : 's'}: ${packs.map((file) => path.basename(file)).join(', ')}`,
  );
  renderIcons(path.join(root, 'build'));

  // electron-builder is CommonJS; its default export carries the API.
  const { default: builder } = await import('electron-builder');
  const targets = (flag: boolean | undefined) => (flag ? (values.dir ? ['dir'] : []) : undefined);
  const anyPlatform = values.linux || values.win || values.mac;
  await builder.build({
    projectDir: root,
    config: {
      ...builderOverrides(config),
      ...(values['electron-dist'] ? { electronDist: path.resolve(values['electron-dist']) } : {}),
    },
    publish: 'never',
    ...(anyPlatform
      ? {
          ...(values.linux ? { linux: targets(true) } : {}),
          ...(values.win ? { win: targets(true) } : {}),
          ...(values.mac ? { mac: targets(true) } : {}),
        }
      : values.dir
        ? { dir: true }
        : {}),
    ...(values.x64 ? { x64: true } : {}),
    ...(values.arm64 ? { arm64: true } : {}),
  });
  console.log(
    `Done: the installers are in ${path.relative(process.cwd(), path.join(root, 'release')) || 'release'}/.`,
  );
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    if (error instanceof DistError || error instanceof AppConfigError) {
      console.error(`npm run dist: ${error.message}`);
    } else {
      console.error(explainDistFailure(error, { electronVersion: electronVersion() }));
    }
    // Exit now: electron-builder may leave handles (progress bars, child processes) open.
    process.exit(1);
  });
}

function electronVersion(): string {
  try {
    const file = path.join(root, 'node_modules/electron/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
