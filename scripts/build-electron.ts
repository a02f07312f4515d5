// Bundles Electron's main process and preload with esbuild (`npm run build:electron`; `npm start`
// calls it too). A bundle is rebuilt only when one of the files it was built from changed.
//   main:    dist/electron/main.js, ESM for Node; every package stays external (better-sqlite3 is
//            native, and the packaged app ships node_modules).
//   preload: dist/electron/preload.cjs, CommonJS because sandboxed preloads cannot be ES modules,
//            and self-contained: only electron/ sources, so no zod (or any package) reaches the page.
//   worker:  dist/electron/install-worker.js, the thread that installs a course pack (beside
//            main.js, where electron/library/install-runner.ts looks for it); like main.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { isOutOfDate } from './freshness.ts';

export type BundleName = 'main' | 'preload' | 'worker';

interface Bundle {
  name: BundleName;
  options: esbuild.BuildOptions & { outfile: string };
}

function bundles(root: string): Bundle[] {
  const common = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  } satisfies esbuild.BuildOptions;
  return [
    {
      name: 'main',
      options: {
        ...common,
        entryPoints: ['electron/main.ts'],
        outfile: path.join(root, 'dist', 'electron', 'main.js'),
        platform: 'node',
        format: 'esm',
        target: 'node24',
        packages: 'external',
      },
    },
    {
      name: 'preload',
      options: {
        ...common,
        entryPoints: ['electron/preload.ts'],
        outfile: path.join(root, 'dist', 'electron', 'preload.cjs'),
        // Not 'node': a sandboxed preload has no Node built-ins, so importing one must fail here.
        platform: 'browser',
        format: 'cjs',
        target: 'es2023',
        external: ['electron'],
      },
    },
    {
      name: 'worker',
      options: {
        ...common,
        entryPoints: ['electron/library/install-worker.ts'],
        outfile: path.join(root, 'dist', 'electron', 'install-worker.js'),
        platform: 'node',
        format: 'esm',
        target: 'node24',
        packages: 'external',
      },
    },
  ];
}

/**
 * Builds the bundles that are out of date (all of them with `force`; only some with `only`) and
 * returns their names.
 * Throws when esbuild fails (its errors are printed) or when the preload would bundle anything
 * from outside electron/.
 */
export async function buildElectron(
  root: string,
  options: { force?: boolean; only?: readonly BundleName[]; log?: (message: string) => void } = {},
): Promise<BundleName[]> {
  const log = options.log ?? console.log;
  const built: BundleName[] = [];
  for (const bundle of bundles(root)) {
    if (options.only && !options.only.includes(bundle.name)) continue;
    const metaFile = `${bundle.options.outfile}.meta.json`;
    if (!options.force && !isStale(root, bundle.options.outfile, metaFile)) continue;
    const result = await esbuild.build(bundle.options);
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    if (bundle.name === 'preload') assertSelfContained(bundle.options.outfile, inputs);
    writeFileSync(metaFile, JSON.stringify({ inputs }));
    log(`Built ${path.relative(root, bundle.options.outfile)} (${inputs.length} files).`);
    built.push(bundle.name);
  }
  return built;
}

// Out of date when there is no record of the previous build, or when a file it read (or this
// script, whose options shape the output) changed since.
function isStale(root: string, outfile: string, metaFile: string): boolean {
  let inputs: string[];
  try {
    ({ inputs } = JSON.parse(readFileSync(metaFile, 'utf8')) as { inputs: string[] });
  } catch {
    return true;
  }
  return isOutOfDate(outfile, [
    ...inputs.map((input) => path.join(root, input)),
    import.meta.filename,
  ]);
}

function assertSelfContained(outfile: string, inputs: string[]): void {
  const foreign = inputs.filter((input) => !input.startsWith('electron/'));
  if (foreign.length === 0) return;
  rmSync(outfile, { force: true });
  throw new Error(
    `The preload must bundle only electron/ sources, but it pulled in ${foreign.join(', ')}. ` +
      'Import contract types with `import type`, and call names from electron/ipc/call-names.ts.',
  );
}

// `npm run build:electron` always rebuilds: it is what a developer runs when in doubt.
if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  buildElectron(root, { force: true }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
