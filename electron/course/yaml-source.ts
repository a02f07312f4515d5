// YAML written by instructors (course.yml, front matter, quiz and faq blocks), parsed so that every
// problem, down to one list item, can be reported at its line and column in the file.
import {
  LineCounter,
  Scalar,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
} from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import type * as z from 'zod';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { closestMatch } from './did-you-mean.ts';

/**
 * Where a YAML text sits in its file: the 1-based line of its first line, and by how many columns
 * every line was indented there (markdown-it strips a fenced block's indentation).
 */
export interface YamlOrigin {
  readonly file: string;
  readonly line: number;
  readonly indent: number;
}

/** A parsed YAML text that maps nodes and paths back to file positions. */
export class YamlSource {
  readonly hasSyntaxErrors: boolean;
  private readonly origin: YamlOrigin;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  /** Parses `text`, reporting syntax errors to `sink`. Never throws. */
  constructor(text: string, origin: YamlOrigin, sink: DiagnosticList) {
    this.origin = origin;
    // The failsafe schema keeps every scalar a string: `version: 1.10` stays "1.10" and a quiz
    // answer `3.0` is not silently turned into the number 3.
    this.doc = parseDocument(text, {
      schema: 'failsafe',
      lineCounter: this.lines,
      prettyErrors: false,
    });
    for (const error of this.doc.errors) {
      sink.error(
        this.positionOfOffset(this.errorOffset(error)),
        `invalid YAML: ${firstLine(error.message)}`,
      );
    }
    for (const warning of this.doc.warnings) {
      sink.warning(this.positionOfOffset(warning.pos[0]), `YAML: ${firstLine(warning.message)}`);
    }
    this.hasSyntaxErrors = this.doc.errors.length > 0;
  }

  /** The document as plain data (strings, arrays, objects); an empty document is `{}`. */
  toData(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 }) ?? {};
  }

  /** The file position of a character offset in the YAML text. */
  positionOfOffset(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return {
      file: this.origin.file,
      line: this.origin.line + line - 1,
      column: col + this.origin.indent,
    };
  }

  /**
   * The position of the node at `path`, or of its closest existing ancestor (so a missing key is
   * reported at the mapping that lacks it); the YAML's start when nothing matches.
   */
  positionOf(path: readonly PropertyKey[]): SourcePosition {
    const node = this.nodeAt(path) ?? this.doc.contents;
    return this.positionOfOffset(node?.range?.[0] ?? 0);
  }

  /**
   * Validates the whole document against `schema`; each issue becomes an error at its node.
   * Returns the parsed value, or null when the YAML is malformed or invalid.
   */
  validate<T>(schema: z.ZodType<T>, sink: DiagnosticList): T | null {
    return this.hasSyntaxErrors ? null : this.validateAt(this.toData(), [], schema, sink);
  }

  /** Validates `value`, found at `path` of the document, against `schema`, like `validate`. */
  validateAt<T>(
    value: unknown,
    path: readonly PropertyKey[],
    schema: z.ZodType<T>,
    sink: DiagnosticList,
  ): T | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.report(result.error.issues, path, sink);
    return null;
  }

  /**
   * Validates each key of a mapping on its own, so that one wrong field does not hide the others.
   * Returns the valid fields and whether all were valid; null when the YAML is malformed or is
   * not a mapping (`what` names it in that error).
   */
  validateFields<S extends Record<string, z.ZodType>>(
    shape: S,
    what: string,
    sink: DiagnosticList,
  ): { readonly values: { [K in keyof S]?: z.output<S[K]> }; readonly valid: boolean } | null {
    if (this.hasSyntaxErrors) return null;
    const data = this.toData();
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      sink.error(
        this.positionOf([]),
        `${what} must be a mapping of keys and values, such as \`title: …\``,
      );
      return null;
    }
    const record = data as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    let valid = true;
    for (const [key, schema] of Object.entries(shape)) {
      const value = this.validateAt(record[key], [key], schema, sink);
      if (value === null) valid = false;
      else values[key] = value;
    }
    return { values: values as { [K in keyof S]?: z.output<S[K]> }, valid };
  }

  /** Warns at each key of the mapping at `path` that is not in `known`, suggesting the closest. */
  warnUnknownKeys(
    path: readonly PropertyKey[],
    known: readonly string[],
    where: string,
    sink: DiagnosticList,
  ): void {
    const node = path.length === 0 ? this.doc.contents : this.nodeAt(path);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
      const key = pair.key.value;
      if (known.includes(key)) continue;
      const suggestion = closestMatch(key, known);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : `known keys are ${known.join(', ')}`;
      sink.warning(
        this.positionOfOffset(pair.key.range?.[0] ?? 0),
        `unknown key "${key}" in ${where}, ignored: ${hint}`,
      );
    }
  }

  private report(
    issues: readonly z.core.$ZodIssue[],
    prefix: readonly PropertyKey[],
    sink: DiagnosticList,
  ): void {
    for (const issue of issues)
      sink.error(this.positionOf([...prefix, ...issue.path]), issue.message);
  }

  // The parser notices an unclosed quote or bracket only where the text ends; the construct
  // left open, where the instructor has to look, is the innermost one that runs into the error.
  private errorOffset(error: YAMLError): number {
    const at = error.pos[0];
    if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return at;
    let open: number | undefined;
    visit(this.doc, (_key, node) => {
      const range = isNodeWithRange(node) ? node.range : undefined;
      if (!range || range[0] >= at || range[2] < at || range[0] <= (open ?? -1)) return;
      const unclosed =
        (isCollection(node) && node.flow === true) ||
        (isScalar(node) &&
          (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE));
      if (unclosed) open = range[0];
    });
    return open ?? at;
  }

  private nodeAt(path: readonly PropertyKey[]): Node | undefined {
    let node: unknown = this.doc.contents;
    let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (!isNodeWithRange(node)) break;
      found = node;
    }
    return found;
  }
}

function isNodeWithRange(value: unknown): value is Node {
  return (isMap(value) || isSeq(value) || isScalar(value)) && value.range !== undefined;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
