// `studybook <command>`: the instructor's tool. Each command is one entry of COMMANDS.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { Diagnostic } from './course/index.ts';
import { PackError, checkCourses, formatDiagnostic, writePack } from './course/index.ts';

/** Where a command writes, and the folder paths are relative to. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly description: string;
  /** The options besides -h/--help: flags and what they do. */
  readonly optionHelp: readonly (readonly [flags: string, description: string])[];
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (args: string[], io: CliIo) => Promise<number>;
}

/** A mistake in how the command was called (exit code 2), as opposed to a problem in a course. */
class UsageError extends Error {
  override name = 'UsageError';
}

const EXIT_OK = 0;
const EXIT_COURSE_ERRORS = 1;
const EXIT_USAGE = 2;

const check: Command = {
  name: 'check',
  summary: 'Check course folders and report every problem',
  usage: 'studybook check <course-dir>... [--previous <pack>]...',
  description:
    'Prints each problem as path:line:col: error|warning: message, then a summary line.\n' +
    'Courses checked together may link to each other. Exits with 1 if there is any error.',
  optionHelp: [
    [
      '--previous <pack>',
      'a pack built from an earlier version of one of the courses: warn where a changed\n' +
        "heading changes a section id, which would lose learners' progress (repeatable)",
    ],
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      previous: { type: 'string', multiple: true },
    });
    const dirs = courseDirs(positionals, io, 'at least one course folder');
    const previousPacks = (values.previous ?? []).map((file) => path.resolve(io.cwd, file));
    const result = await checkCourses(dirs, { previousPacks });
    printDiagnostics(result.diagnostics, io);
    const { courses, lessons } = result.checked;
    io.out(
      `${problemSummary(result.diagnostics)} in ${plural(lessons, 'lesson')} of ${plural(courses, 'course')}`,
    );
    return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_COURSE_ERRORS : EXIT_OK;
  },
};

const build: Command = {
  name: 'build',
  summary: 'Build a course folder into a .studypack file',
  usage: 'studybook build <course-dir> [-o <file.studypack>]',
  description:
    'Checks the course and, when it has no errors, writes its course pack. Prints the problems\n' +
    'found; exits with 1 and writes nothing if there is any error.',
  optionHelp: [
    [
      '-o, --output <file>',
      'where to write the pack (default: <course-id>.studypack in the current folder)',
    ],
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      output: { type: 'string', short: 'o' },
    });
    const [dir, ...extra] = courseDirs(positionals, io, 'a course folder');
    if (dir === undefined || extra.length > 0)
      throw new UsageError('build takes one course folder');
    const result = await checkCourses([dir]);
    printDiagnostics(result.diagnostics, io);
    const course = result.courses[0];
    if (!course) {
      io.out(
        `Not built: ${problemSummary(result.diagnostics)} in ${displayPath(dir, io)}; nothing was written`,
      );
      return EXIT_COURSE_ERRORS;
    }
    const outFile = path.resolve(io.cwd, values.output ?? `${course.id}.studypack`);
    if (!statSync(path.dirname(outFile), { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(`no such folder for the pack: ${path.dirname(values.output ?? '.')}`);
    }
    try {
      writePack(course, outFile);
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      io.err(`studybook: cannot write ${displayPath(outFile, io)}: ${error.message}`);
      return EXIT_COURSE_ERRORS;
    }
    const { size } = statSync(outFile);
    io.out(
      `Wrote ${displayPath(outFile, io)} (${formatSize(size)}, ${plural(course.lessons.length, 'lesson')})`,
    );
    return EXIT_OK;
  },
};

const preview: Command = {
  name: 'preview',
  summary: 'Open the app in your browser on course folders, reloading as you edit',
  usage: 'studybook preview [course-dir...] [--port <n>] [--data-dir <dir>]',
  description:
    'Serves Studybook on http://127.0.0.1 for the given course folders (default: the sample\n' +
    'courses in content/). Saving a lesson recompiles it and the open page reloads; a compile\n' +
    'error is shown in the page while the last good version stays readable. Ctrl+C stops it.',
  optionHelp: [
    ['--port <n>', 'the port to listen on (default: a free one)'],
    [
      '--data-dir <dir>',
      "where the learner's progress and the library are kept (default: a new folder under\n" +
        "the system's temporary folder, printed at start)",
    ],
  ],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    }
    const dirs =
      positionals.length > 0 ? courseDirs(positionals, io, 'course folders') : sampleCourseDirs();
    const dataDir = values['data-dir']
      ? path.resolve(io.cwd, values['data-dir'])
      : mkdtempSync(path.join(tmpdir(), 'studybook-preview-'));
    // The preview host, the compiler's watcher and the page load only for this command.
    const { ensureRendererBuilt, startPreview } = await import('./preview/start-preview.ts');
    await ensureRendererBuilt(io.out);
    let running;
    try {
      running = await startPreview({ courseDirs: dirs, dataDir, port, watch: true });
    } catch (error) {
      if (isFileSystemError(error) && error.code === 'EADDRINUSE') {
        io.err(`studybook preview: port ${port} is in use; choose another with --port`);
        return EXIT_USAGE;
      }
      throw error;
    }
    io.out(`Studybook preview: ${running.url}`);
    io.out(`Data folder: ${dataDir}`);
    io.out(`Watching ${dirs.map((dir) => displayPath(dir, io)).join(', ')}. Press Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.close();
    return EXIT_OK;
  },
};

const COMMANDS: readonly Command[] = [check, build, preview];

/** Runs the CLI with `args` (without node and script); resolves to the process exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`studybook: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`studybook ${command.name}: ${error.message}\n\nUsage: ${command.usage}`);
      io.err(`Run "studybook ${command.name} --help" for details.`);
      return EXIT_USAGE;
    }
    if (error instanceof PackError) {
      io.err(`studybook ${command.name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function parseCommandArgs<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages go on to explain `--` escaping; the first sentence is what matters.
    const message =
      error instanceof Error ? error.message.replace(/\.\s[\s\S]*$/, '') : String(error);
    throw new UsageError(message);
  }
}

/** The course folders bundled with the app, in content/ beside this file's folder. */
function sampleCourseDirs(): string[] {
  const content = path.resolve(import.meta.dirname, '../content');
  return readdirSync(content, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(content, entry.name))
    .sort();
}

function courseDirs(positionals: readonly string[], io: CliIo, expected: string): string[] {
  if (positionals.length === 0) throw new UsageError(`expected ${expected}`);
  return positionals.map((dir) => {
    const absolute = path.resolve(io.cwd, dir);
    if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError(`no such folder: ${dir}`);
    }
    return absolute;
  });
}

function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const diagnostic of diagnostics) io.out(formatDiagnostic(diagnostic, io.cwd));
}

function problemSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function displayPath(file: string, io: CliIo): string {
  return path.relative(io.cwd, file) || file;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: studybook <command> [options]',
    '',
    'Turns Markdown courses into course packs for the Studybook app.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "studybook <command> --help" for the options of a command.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = [...command.optionHelp, ['-h, --help', 'show this help'] as const];
  const width = Math.max(...options.map(([flags]) => flags.length));
  const indent = ' '.repeat(width + 4);
  return [
    `Usage: ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...options.map(
      ([flags, description]) =>
        `  ${flags.padEnd(width)}  ${description.split('\n').join(`\n${indent}`)}`,
    ),
  ].join('\n');
}

function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}
