// Problems found in a course, located in its source files the way compilers report them.
import path from 'node:path';

export type Severity = 'error' | 'warning';

/** A place in a source file: absolute path, 1-based line and column (UTF-16 code units). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One problem an instructor should fix (error) or look at (warning). */
export interface Diagnostic extends SourcePosition {
  readonly severity: Severity;
  readonly message: string;
}

/** Collects diagnostics in the order they are found. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  /** Records an error at `at`. */
  error(at: SourcePosition, message: string): void {
    this.items.push({
      file: at.file,
      line: at.line,
      column: at.column,
      severity: 'error',
      message,
    });
  }

  /** Records a warning at `at`. */
  warning(at: SourcePosition, message: string): void {
    this.items.push({
      file: at.file,
      line: at.line,
      column: at.column,
      severity: 'warning',
      message,
    });
  }

  /** Whether any error has been recorded. */
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** The start of `file`, for problems that concern a whole file. */
export function startOf(file: string): SourcePosition {
  return { file, line: 1, column: 1 };
}

/** `path:line:col: severity: message`, the path relative to `cwd`. Never throws. */
export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const file = path.relative(cwd, d.file) || d.file;
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** Orders diagnostics by file, then line, then column, for reading top to bottom. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
