import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixture, temporaryFolder } from '../tests/support/courses.ts';
import type { CliIo } from './cli.ts';
import { runCli } from './cli.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const BIN = path.join(REPO, 'bin/studybook.js');

/** Runs `studybook` as a real process in `cwd`. */
async function studybook(args: string[], cwd = FIXTURES) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs the CLI in this process, capturing what it prints. */
async function run(args: string[], cwd = FIXTURES) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), cwd };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('studybook check', () => {
  it('prints each problem as path:line:col, then a summary, and exits with 1 on errors', async () => {
    const { code, stdout, stderr } = await studybook(['check', 'empty-section', 'code-warnings']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      'code-warnings/code.md:5:4: warning: unknown code language "cobol", shown as plain text: use one of python, dockerfile, bash, shell, yaml, json, toml, ini, javascript, typescript, sql, html, css, nginx, markdown, diff, go, rust, java, c, cpp, text',
    );
    expect(lines[4]).toMatch(/^empty-section\/lesson\.md:7:1: error: section "Empty" is empty/);
    expect(lines.at(-1)).toBe('2 errors, 4 warnings in 2 lessons of 2 courses');
  });

  it('exits with 0 when there are only warnings', async () => {
    const { code, out } = await run(['check', 'code-warnings']);
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toBe('0 errors, 4 warnings in 1 lesson of 1 course');
  });

  it('checks courses together so links between them are verified', async () => {
    const { code, out } = await run(['check', 'complete', 'companion']);
    expect({ code, out }).toEqual({
      code: 0,
      out: '0 errors, 0 warnings in 3 lessons of 2 courses',
    });
  });

  it('refuses a folder that does not exist with a usage error, exit code 2', async () => {
    const { code, err } = await run(['check', 'no-such-course']);
    expect(code).toBe(2);
    expect(err).toContain('studybook check: no such folder: no-such-course');
  });

  it('reports a --previous file that is not a pack without a stack trace', async () => {
    const { code, err } = await run(['check', 'complete', '--previous', 'complete/course.yml']);
    expect(code).toBe(2);
    expect(err).toMatch(/^studybook check: .*complete\/course\.yml is not a Studybook course pack/);
  });
});

describe('studybook build', () => {
  it('writes the pack where -o says and prints where and how big', async () => {
    const out = path.join(temporaryFolder(), 'complete.studypack');
    const { code, stdout } = await studybook(['build', 'complete', '-o', out]);
    expect(code).toBe(0);
    const size = statSync(out).size;
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `Wrote ${path.relative(FIXTURES, out)} (${(size / 1000).toFixed(1)} kB, 2 lessons)`,
    );
  });

  it('names the pack after the course in the current folder by default', async () => {
    const cwd = temporaryFolder();
    const { code } = await run(['build', fixture('complete')], cwd);
    expect(code).toBe(0);
    expect(existsSync(path.join(cwd, 'complete.studypack'))).toBe(true);
  });

  it('refuses a course with errors, writes nothing and exits with 1', async () => {
    const out = path.join(temporaryFolder(), 'empty.studypack');
    const { code, stdout } = await studybook(['build', 'empty-section', '--output', out]);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'Not built: 2 errors, 0 warnings in empty-section; nothing was written',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('takes exactly one course folder', async () => {
    expect((await run(['build'])).code).toBe(2);
    expect((await run(['build', 'complete', 'companion'])).err).toContain(
      'build takes one course folder',
    );
  });

  it('refuses an output folder that does not exist', async () => {
    const { code, err } = await run(['build', 'complete', '-o', 'nowhere/complete.studypack']);
    expect(code).toBe(2);
    expect(err).toContain('no such folder for the pack: nowhere');
  });
});

describe('studybook', () => {
  it('lists its commands with --help and exits with 0', async () => {
    const { code, stdout } = await studybook(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: studybook <command> [options]');
    expect(stdout).toMatch(/^ {2}check {4}Check course folders and report every problem$/m);
    expect(stdout).toMatch(/^ {2}build {4}Build a course folder into a \.studypack file$/m);
    expect(stdout).toMatch(/^ {2}preview {2}Open the app in your browser on course folders/m);
  });

  it('shows the options of a command with <command> --help', async () => {
    const { code, out } = await run(['build', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: studybook build <course-dir> [-o <file.studypack>]');
    expect(out).toContain('-o, --output <file>');
  });

  it('rejects an unknown command or option with a clear message and exit code 2', async () => {
    const unknownCommand = await studybook(['publish']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('studybook: unknown command "publish"');

    const unknownOption = await run(['check', 'complete', '--verbose']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toContain("studybook check: Unknown option '--verbose'");
    expect(unknownOption.err).not.toContain('    at ');
  });

  it('prints its help and exits with 2 when run without a command', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(2);
    expect(out).toContain('Commands:');
  });
});

describe('studybook preview', () => {
  it('serves the app on 127.0.0.1, prints its address and data folder, and stops on Ctrl+C', async () => {
    const dataDir = temporaryFolder();
    const child = spawn(
      process.execPath,
      ['bin/studybook.js', 'preview', 'content/git-essentials', '--data-dir', dataDir],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Studybook preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match?.[1] && output.includes('Watching')) resolve(match[1]);
        });
        child.once('exit', (code) =>
          reject(new Error(`preview exited early (${code}): ${output}`)),
        );
      });
      expect(output).toContain(`Data folder: ${dataDir}`);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<meta name="studybook-token" content="[\w-]{20,}">/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a port that is not a number with a usage error', async () => {
    const result = await run(['preview', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--port must be a whole number/);
  });
});
