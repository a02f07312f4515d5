// The errors the progress store throws on purpose. Each has a stable `code`, so the contract layer
// can map it to a transport error without matching on messages.

/** One problem with a write's input: where it is (`sectionIds.2`) and what is wrong with it. */
export type ProgressInputIssue = { path: string; message: string };

/** A write was refused because its input is malformed; nothing was written. */
export class ProgressInputError extends Error {
  readonly code = 'invalid-input';
  readonly operation: string;
  readonly issues: readonly ProgressInputIssue[];

  constructor(operation: string, issues: readonly ProgressInputIssue[]) {
    const details = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`);
    super(`${operation} refused: ${details.join('; ')}`);
    this.name = 'ProgressInputError';
    this.operation = operation;
    this.issues = issues;
  }
}

/** The progress file was written by a newer Studybook; it was left exactly as it was. */
export class ProgressStoreTooNewError extends Error {
  readonly code = 'store-too-new';
  readonly path: string;
  readonly fileVersion: number;
  readonly appVersion: number;

  constructor(path: string, fileVersion: number, appVersion: number) {
    super(
      `${path} has progress format version ${fileVersion}, but this Studybook reads up to ` +
        `version ${appVersion}. Update Studybook to open it; the file was not changed.`,
    );
    this.name = 'ProgressStoreTooNewError';
    this.path = path;
    this.fileVersion = fileVersion;
    this.appVersion = appVersion;
  }
}

/** A schema migration step failed and was rolled back; the file stays at `fromVersion`. */
export class ProgressMigrationError extends Error {
  readonly code = 'migration-failed';
  readonly fromVersion: number;
  readonly toVersion: number;

  constructor(fromVersion: number, toVersion: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Progress migration ${fromVersion} -> ${toVersion} failed: ${reason}`, { cause });
    this.name = 'ProgressMigrationError';
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
  }
}
