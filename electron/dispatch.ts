// The one path every call takes, in both hosts: name check, schema parse, handler, typed outcome.
// The IPC wrapper and the preview server call `dispatch`; neither knows any call by name.
import type { z } from 'zod';
import {
  api,
  isCallName,
  type CallError,
  type CallName,
  type CallOutcome,
  type CallResult,
  type ErrorCode,
  type ParsedInput,
} from './api.ts';

/** What a host must implement: one function per call, given already-parsed input. */
export type Handlers = {
  [Name in CallName]: (input: ParsedInput<Name>) => CallResult<Name> | Promise<CallResult<Name>>;
};

/** A failure a handler reports on purpose (a missing lesson, a refused link). */
export class CallFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: string[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: string[]) {
    super(message);
    this.name = 'CallFailure';
    this.code = code;
    this.issues = issues;
  }
}

/** One line per zod issue, naming the field: `sectionsRead.2: must be a slug …`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
}

/**
 * Runs call `name` with `rawInput` from the wire. Never throws: unknown names, bad input and
 * handler failures all come back as `{ ok: false, error }`; unexpected errors are logged and
 * reported as 'internal' without their details.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  log: (message: string, error: unknown) => void = console.error,
): Promise<CallOutcome<unknown>> {
  if (!isCallName(name)) {
    return failure({ code: 'unknown-call', message: `There is no call named "${name}".` });
  }
  const parsed = api[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return failure({
      code: 'invalid-input',
      message: `The input of ${name} is not valid.`,
      issues: describeIssues(parsed.error),
    });
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof CallFailure) {
      return failure({
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
      });
    }
    log(`Call ${name} failed unexpectedly:`, error);
    return failure({ code: 'internal', message: `Studybook could not complete ${name}.` });
  }
}

function failure(error: CallError): CallOutcome<never> {
  return { ok: false, error };
}
