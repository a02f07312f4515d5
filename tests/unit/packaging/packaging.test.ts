// The packaging configuration, checked without packaging anything: electron-builder.yml, the
// instructor's studybook.config.json, the icons, the course packs `npm run dist` builds, and the
// one message it prints when a download fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ICON_SIZES, icoFile, renderIcons } from '../../../build/render-icons.ts';
import {
  appConfigSchema,
  AppConfigError,
  builderOverrides,
  debPackageName,
  loadAppConfig,
} from '../../../scripts/app-config.ts';
import { explainDistFailure, failedDownload } from '../../../scripts/dist-errors.ts';
import { buildCoursePacks, findCourseDirs } from '../../../scripts/dist.ts';
import { checkPack } from '../../../electron/library/check-pack.ts';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const temp = mkdtempSync(path.join(tmpdir(), 'studybook-packaging-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's YAML, read as data
const builderConfig = parse(readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as any;

describe('electron-builder.yml', () => {
  it('associates .studypack files with Studybook', () => {
    expect(builderConfig.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'studypack', name: 'Studybook course pack', role: 'Viewer' }),
    ]);
  });

  it('ships the sample course packs built into out/courses as resources/courses', () => {
    expect(builderConfig.extraResources).toEqual([
      { from: 'out/courses', to: 'courses', filter: ['*.studypack'] },
    ]);
  });

  it('keeps better-sqlite3’s native binaries out of the asar, and never rebuilds them', () => {
    expect(builderConfig.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(builderConfig.npmRebuild).toBe(false);
  });

  it('packs the built app, not its sources', () => {
    expect(builderConfig.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(builderConfig.extraMetadata.main).toBe('dist/electron/main.js');
  });

  it('builds AppImage and deb, a per-machine NSIS installer, and a dmg', () => {
    expect(builderConfig.linux.target).toEqual(['AppImage', 'deb']);
    expect(builderConfig.win.target).toEqual(['nsis']);
    expect(builderConfig.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(builderConfig.mac.target).toEqual(['dmg']);
  });

  it('points at the icons render-icons.ts makes', () => {
    expect(builderConfig.directories.buildResources).toBe('build');
    expect(builderConfig.linux.icon).toBe('build/icons');
    expect(builderConfig.win.icon).toBe('build/icon.ico');
    expect(builderConfig.mac.icon).toBe('build/icon.png');
  });

  it('sets the hardened fuses', () => {
    expect(builderConfig.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('publishes nothing and updates nothing: the app is offline', () => {
    expect(builderConfig.publish).toBeNull();
    expect(JSON.stringify(builderConfig)).not.toMatch(/autoUpdate|electron-updater/);
  });
});

describe('studybook.config.json', () => {
  const valid = {
    productName: 'Python 101',
    appId: 'org.myschool.python-101',
    homepage: 'https://myschool.example/python',
    maintainer: 'Ada Lovelace <ada@myschool.example>',
  };

  it('is valid in the repository, and names the app and its id for electron-builder', () => {
    const config = loadAppConfig(repo);
    const overrides = builderOverrides(config);
    expect(overrides).toMatchObject({
      appId: config.appId,
      productName: config.productName,
      extraMetadata: { productName: config.productName, homepage: config.homepage },
      linux: { maintainer: config.maintainer, executableName: 'studybook' },
      deb: { packageName: 'studybook' },
    });
  });

  it('defaults the courses to content/', () => {
    expect(appConfigSchema.parse(valid).courses).toEqual(['content']);
  });

  it.each([
    [
      'an app id that is not a reverse domain',
      { appId: 'python course' },
      /"appId" must be a reverse domain/,
    ],
    ['a product name with a slash', { productName: 'Python/101' }, /"productName" may not contain/],
    ['a maintainer without an e-mail', { maintainer: 'Ada' }, /"maintainer" must look like/],
    ['a key it does not know', { version: '2.0' }, /Unrecognized key/],
  ])('refuses %s, naming the field', (_what, change, message) => {
    const dir = mkdtempSync(path.join(temp, 'config-'));
    writeFileSync(path.join(dir, 'studybook.config.json'), JSON.stringify({ ...valid, ...change }));
    expect(() => loadAppConfig(dir)).toThrow(message);
  });

  it('says so when the file is missing or not JSON', () => {
    const dir = mkdtempSync(path.join(temp, 'config-'));
    expect(() => loadAppConfig(dir)).toThrow(AppConfigError);
    writeFileSync(path.join(dir, 'studybook.config.json'), '{ productName: Python }');
    expect(() => loadAppConfig(dir)).toThrow(/is not valid JSON/);
  });

  it('makes a Debian package name from any product name', () => {
    expect(debPackageName('Python 101 — Fall')).toBe('python-101-fall');
    expect(debPackageName('!!!')).toBe('studybook');
  });
});

describe('the icons', () => {
  it('renders every size from build/icon.svg, and a .ico of PNGs up to 256 pixels', () => {
    const dir = path.join(temp, 'build');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'icon.svg'), readFileSync(path.join(repo, 'build/icon.svg')));
    const written = renderIcons(dir);
    expect(written).toHaveLength(ICON_SIZES.length + 2);
    for (const size of ICON_SIZES) {
      const png = readFileSync(path.join(dir, 'icons', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}px`).toEqual([size, size]);
    }
    const ico = readFileSync(path.join(dir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    // The last entry is 256 pixels, written as 0.
    expect(ico.readUInt8(6 + 6 * 16)).toBe(0);
  });

  it('lays out an ICO directory whose offsets point at each image', () => {
    const images = new Map([
      [16, Buffer.from('sixteen')],
      [32, Buffer.from('thirty-two')],
    ]);
    const ico = icoFile(images);
    const offsetOf = (index: number) => ico.readUInt32LE(6 + index * 16 + 12);
    const sizeOf = (index: number) => ico.readUInt32LE(6 + index * 16 + 8);
    expect(ico.subarray(offsetOf(1), offsetOf(1) + sizeOf(1)).toString()).toBe('thirty-two');
  });
});

describe('the course packs npm run dist ships', () => {
  it('finds course folders, or folders of them', () => {
    expect(findCourseDirs(['content'], repo).map((dir) => path.basename(dir))).toEqual([
      'git-essentials',
      'python-backend',
    ]);
    expect(findCourseDirs(['content/git-essentials'], repo)).toHaveLength(1);
    expect(() => findCourseDirs(['tests'], repo)).toThrow(/No course folder/);
  });

  it('compiles them into packs the app accepts', async () => {
    const out = path.join(temp, 'courses');
    const packs = await buildCoursePacks(findCourseDirs(['content'], repo), out);
    expect(packs.map((file) => path.basename(file))).toEqual([
      'git-essentials.studypack',
      'python-backend.studypack',
    ]);
    for (const pack of packs) expect(checkPack(pack).course.id).toBeTruthy();
  });

  it('stops with every error of a broken course, and writes no pack', async () => {
    const out = path.join(temp, 'broken-courses');
    await expect(
      buildCoursePacks([path.join(repo, 'tests/fixtures/courses/bad-quiz')], out),
    ).rejects.toThrow(
      /The courses have \d+ errors; fix them and run npm run dist again:\n {2}.*quiz\.md:\d+:\d+: error:/,
    );
  });
});

describe('npm run dist without internet', () => {
  it('names the Electron download that failed, and how to supply it (electron-builder’s real error)', () => {
    // A tiny app, packaged by electron-builder itself, with Electron's download pointed at a port
    // that refuses connections: the same failure as no internet, on any machine.
    const project = path.join(temp, 'tiny-app');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'tiny-app', version: '1.0.0', main: 'main.js' }),
    );
    writeFileSync(path.join(project, 'main.js'), '');
    const script = `
      import builder from 'electron-builder';
      import { explainDistFailure } from ${JSON.stringify(path.join(repo, 'scripts/dist-errors.ts'))};
      try {
        await builder.build({
          projectDir: ${JSON.stringify(project)},
          publish: 'never',
          dir: true,
          config: {
            appId: 'org.example.tiny',
            electronVersion: '45.5.0',
            npmRebuild: false,
            directories: { output: ${JSON.stringify(path.join(project, 'release'))} },
          },
        });
        console.log('BUILT');
      } catch (error) {
        console.log('MESSAGE ' + JSON.stringify(explainDistFailure(error, { electronVersion: '45.5.0' })));
      }
      process.exit(0);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        ELECTRON_BUILDER_CACHE: path.join(temp, 'empty-cache'),
      },
    });
    const line = run.stdout.split('\n').find((text) => text.startsWith('MESSAGE '));
    expect(line, `${run.stdout}\n${run.stderr}`).toBeDefined();
    const message = JSON.parse(line?.slice('MESSAGE '.length) ?? '""') as string;
    const target = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
    expect(message).toContain(
      `npm run dist could not download Electron 45.5.0 for ${target} (electron-v45.5.0-${target}.zip)`,
    );
    expect(message).toContain('npm run dist -- --electron-dist /path/to/electron-v45.5.0-');
    expect(message).toContain('ELECTRON_BUILDER_CACHE');
    expect(message, 'one message, not a stack trace').not.toMatch(/\n\s+at /);
  }, 120_000);

  it('names a packaging tool whose download failed', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), {
      name: 'RequestError',
      code: 'ENOTFOUND',
      options: {
        url: new URL(
          'https://github.com/electron-userland/electron-builder-binaries/releases/download/fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z',
        ),
      },
    });
    expect(failedDownload(error, { electronVersion: '45.5.0' })).toMatchObject({
      kind: 'tool',
      what: 'fpm, the .deb package tool',
    });
    const message = explainDistFailure(error, { electronVersion: '45.5.0' });
    expect(message).toMatch(/^npm run dist could not download fpm, the \.deb package tool/);
    expect(message).toContain('npm run dist -- --dir');
  });

  it('reports any other failure in one line', () => {
    const error = new Error('Please specify project homepage\n    at somewhere (file.js:1:1)');
    expect(explainDistFailure(error, { electronVersion: '45.5.0' })).toBe(
      'npm run dist failed: Please specify project homepage',
    );
  });
});
