// The page's one way to reach its host. In Electron the preload's bridge (`window.studybook`)
// carries each call; in the browser preview the same calls travel as `POST /api/<call>`. Either
// way a call resolves to its result or throws a StudybookError: callers never see a transport.
import type {
  CallError,
  CallInput,
  CallName,
  CallOutcome,
  CallResult,
  ErrorCode,
} from '../../../electron/api.ts';
import type {
  HostEventMessage,
  MenuCommand,
  UploadedPack,
} from '../../../electron/ipc/channels.ts';
import type { StudybookBridge } from '../../../electron/ipc/renderer-bridge.ts';
import type { HostCall } from '../../../electron/page-address.ts';

export type { MenuCommand, StudybookBridge, UploadedPack };

/** Why a call failed: the host's typed error, or the transport's own when the host was unreachable. */
export class StudybookError extends Error {
  readonly code: ErrorCode;
  /** For 'invalid-input': where the input was wrong, one line each; otherwise empty. */
  readonly issues: readonly string[];

  constructor(error: CallError) {
    super(error.message);
    this.name = 'StudybookError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** One async function per call of the contract; each resolves to the result or throws a StudybookError. */
export type Calls = {
  [Name in CallName]: (input: CallInput<Name>) => Promise<CallResult<Name>>;
};

/**
 * What the host announces on its own: live reload while an instructor edits a course (preview
 * only), how far the install of an uploaded pack has come, and a pack main opened itself
 * (Electron only: File › Open, a double-click, the command line).
 */
export type HostEvent =
  | { type: 'reload'; courseId: string }
  | { type: 'compile-error'; diagnostics: string[] }
  | {
      type: 'import-progress';
      uploadId: string;
      phase: 'checking' | 'installing';
      fraction: number;
    }
  | { type: 'pack-opened'; uploadId: string; name: string };

/**
 * Sends a course pack's bytes to the host, reporting the share sent (0–1); resolves to the
 * staged pack, which installPack then installs, or throws a StudybookError.
 */
export type UploadPack = (
  file: File,
  onProgress?: (fraction: number) => void,
) => Promise<UploadedPack>;

export interface Client extends Calls {
  /**
   * Calls `listener` with each live-reload event until the returned function is called. Only
   * the preview host has them; in Electron the listener is never called.
   */
  subscribe(listener: (event: HostEvent) => void): () => void;
  /**
   * Calls `listener` with each app-menu command the page acts on, until the returned function
   * is called. Only Electron has an app menu; in the preview the listener is never called.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Sends a course pack's bytes to the host (see UploadPack). */
  uploadPack: UploadPack;
}

/** Sends one call and answers its outcome; never throws. The host's own code calls it the same way. */
export type Transport = HostCall;

type Subscribe = Client['subscribe'];
type OnMenuCommand = Client['onMenuCommand'];

/** The channel of a host that has no such events: nothing ever arrives. */
const noEvents = () => () => {};

/**
 * The client for the host this page runs in: the preload's bridge when there is one, else the
 * preview server that served the page (its token read from the page's `studybook-token` meta tag).
 */
export function createClient(win: Window = window): Client {
  const bridge = win.studybook;
  if (bridge) {
    return clientFor(bridgeTransport(bridge), {
      onMenuCommand: (listener) => bridge.onMenuCommand(listener),
      subscribe: bridgeEvents(bridge),
      uploadPack: bridgeUpload(bridge),
    });
  }
  const token =
    win.document.querySelector<HTMLMetaElement>('meta[name="studybook-token"]')?.content ?? '';
  const events = `/events?token=${encodeURIComponent(token)}`;
  const transport = httpTransport({
    token,
    fetch: (url, init) => win.fetch(url, init),
    open: () => new XMLHttpRequest(),
  });
  return clientFor(transport, {
    subscribe: serverEvents(events, (url) => new EventSource(url)),
    uploadPack: httpUpload({ token, open: () => new XMLHttpRequest() }),
  });
}

export interface HostChannels {
  subscribe?: Subscribe;
  onMenuCommand?: OnMenuCommand;
  uploadPack?: UploadPack;
}

/** A host that cannot take files. */
const noUploads: UploadPack = async () => {
  throw new StudybookError({
    code: 'unavailable',
    message: 'This version of Studybook cannot open course files.',
  });
};

/**
 * A client over any transport, plus whichever event channels the host has; the one place where
 * an outcome becomes a result or a throw.
 */
export function clientFor(
  transport: Transport,
  { subscribe = noEvents, onMenuCommand = noEvents, uploadPack = noUploads }: HostChannels = {},
): Client {
  function call<Name extends CallName>(name: Name) {
    return async (input: CallInput<Name>): Promise<CallResult<Name>> => {
      // The host typed the value from the same contract; the transport only carried it.
      return resultOf(await transport(name, input)) as CallResult<Name>;
    };
  }
  return {
    listCourses: call('listCourses'),
    openLesson: call('openLesson'),
    recordProgress: call('recordProgress'),
    answerQuestion: call('answerQuestion'),
    getSettings: call('getSettings'),
    setSettings: call('setSettings'),
    getResume: call('getResume'),
    openExternal: call('openExternal'),
    search: call('search'),
    installPack: call('installPack'),
    discardPack: call('discardPack'),
    removeCourse: call('removeCourse'),
    subscribe,
    onMenuCommand,
    uploadPack,
  };
}

/** Calls through the preload's bridge (only its calls: the transport never sees onMenuCommand). */
export function bridgeTransport(bridge: Pick<StudybookBridge, CallName>): Transport {
  return async (name, input) => {
    const send = bridge[name] as ((input: unknown) => Promise<unknown>) | undefined;
    // A page newer than its preload (a stale build) must fail the one call, not the whole page.
    if (typeof send !== 'function') {
      return failure('unknown-call', `This version of Studybook has no call named "${name}".`);
    }
    let answer: unknown;
    try {
      answer = await send(input);
    } catch {
      return failure('unavailable', 'Studybook could not reach its main process. Restart the app.');
    }
    return isCallOutcome(answer)
      ? answer
      : failure('internal', `Studybook gave an unreadable answer to ${name}.`);
  };
}

/** An XMLHttpRequest, as much of it as the page's calls use. */
export type HttpRequest = Pick<
  XMLHttpRequest,
  'open' | 'setRequestHeader' | 'send' | 'status' | 'responseText' | 'onload' | 'onerror'
>;

export interface HttpTransportOptions {
  /** This run's token, which the preview host checks on every call. */
  token: string;
  /** For the calls that save the learner's work (SAVES_WORK), which must outlive the page. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** A fresh XMLHttpRequest, for every other call. */
  open: () => HttpRequest;
}

/** Bodies up to this many characters are sent with `keepalive` (browsers cap it at 64 KiB in all). */
export const KEEPALIVE_MAX_BODY = 16 * 1024;

/**
 * The calls that save what the learner did. One sent as the page closes (a reading's last
 * seconds) must still arrive, and only fetch can outlive its page (`keepalive`).
 */
const SAVES_WORK: ReadonlySet<CallName> = new Set([
  'recordProgress',
  'answerQuestion',
  'setSettings',
]);

const UNREACHABLE =
  'The Studybook preview is not answering. Check that `studybook preview` is still running, then reload.';

/**
 * Calls the preview host: `POST /api/<call>` on the page's own origin. Every call but those that
 * save the learner's work goes by XMLHttpRequest, whose answer reaches the page in one task:
 * fetch hands its body over as a stream, a turn of the main thread at a time, which held the
 * first lesson back by 5–10 ms while the app's own script was still starting (bench:render).
 */
export function httpTransport({ token, fetch, open }: HttpTransportOptions): Transport {
  return (name, input) => {
    const url = `/api/${name}`;
    const payload = JSON.stringify(input);
    return SAVES_WORK.has(name)
      ? sendByFetch(fetch, url, token, payload, name)
      : sendByRequest(open(), url, token, payload, name);
  };
}

async function sendByFetch(
  fetch: HttpTransportOptions['fetch'],
  url: string,
  token: string,
  payload: string,
  name: CallName,
): Promise<CallOutcome<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Studybook-Token': token },
      body: payload,
      // Browsers let only small bodies outlive the page, so large ones go without.
      keepalive: payload.length <= KEEPALIVE_MAX_BODY,
    });
  } catch {
    return failure('unavailable', UNREACHABLE);
  }
  return outcomeOf(name, response.status, parseJson(await response.text().catch(() => '')));
}

function sendByRequest(
  request: HttpRequest,
  url: string,
  token: string,
  payload: string,
  name: CallName,
): Promise<CallOutcome<unknown>> {
  return new Promise((resolve) => {
    request.open('POST', url);
    request.setRequestHeader('Content-Type', 'application/json');
    request.setRequestHeader('X-Studybook-Token', token);
    request.onload = () =>
      resolve(outcomeOf(name, request.status, parseJson(request.responseText)));
    request.onerror = () => resolve(failure('unavailable', UNREACHABLE));
    request.send(payload);
  });
}

/** The host's outcome; from anything else (a proxy, a crash mid-answer), a failure by status. */
function outcomeOf(name: CallName, status: number, body: unknown): CallOutcome<unknown> {
  if (isCallOutcome(body)) return body;
  return failure(
    codeForStatus(status),
    `The Studybook preview answered ${name} with HTTP ${status}.`,
  );
}

/** Host events from the preload's bridge (a stale preload without them has none). */
export function bridgeEvents(bridge: Partial<Pick<StudybookBridge, 'onHostEvent'>>): Subscribe {
  return (listener) => {
    if (typeof bridge.onHostEvent !== 'function') return () => {};
    return bridge.onHostEvent((message: HostEventMessage) => listener(toHostEvent(message)));
  };
}

/** Uploads through the preload's bridge: the file's bytes over IPC, in chunks. */
export function bridgeUpload(bridge: Partial<Pick<StudybookBridge, 'uploadPack'>>): UploadPack {
  return async (file, onProgress) => {
    if (typeof bridge.uploadPack !== 'function') return noUploads(file);
    const outcome = await bridge.uploadPack(file, file.name, (sent, total) =>
      onProgress?.(total > 0 ? sent / total : 1),
    );
    if (!outcome.ok) throw new StudybookError(outcome.error);
    return outcome.value;
  };
}

export interface HttpUploadOptions {
  token: string;
  /** A fresh XMLHttpRequest (the one browser API that reports upload progress). */
  open: () => HttpRequest & Pick<XMLHttpRequest, 'upload'>;
}

/** Uploads to the preview host: `POST /upload/pack` with the file as the body. */
export function httpUpload({ token, open }: HttpUploadOptions): UploadPack {
  return (file, onProgress) =>
    new Promise((resolve, reject) => {
      const request = open();
      request.open('POST', '/upload/pack');
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('X-Studybook-Token', token);
      // Header values are Latin-1: the name travels URI-encoded.
      request.setRequestHeader('X-Studybook-File-Name', encodeURIComponent(file.name));
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      request.onload = () => {
        const body = parseJson(request.responseText);
        if (isCallOutcome(body)) {
          if (body.ok) resolve(body.value as UploadedPack);
          else reject(new StudybookError(body.error));
          return;
        }
        reject(
          new StudybookError({
            code: codeForStatus(request.status),
            message: `The Studybook preview answered the upload with HTTP ${request.status}.`,
          }),
        );
      };
      request.onerror = () =>
        reject(
          new StudybookError({
            code: 'unavailable',
            message:
              'The file could not be sent to the Studybook preview. Check that `studybook preview` is still running, then try again.',
          }),
        );
      request.send(file);
    });
}

function toHostEvent(message: HostEventMessage): HostEvent {
  return message.type === 'import-progress'
    ? { type: 'import-progress', ...message.data }
    : { type: 'pack-opened', uploadId: message.data.uploadId, name: message.data.name };
}

/** Host events from the preview's Server-Sent Events stream. */
export function serverEvents(url: string, open: (url: string) => EventSource): Subscribe {
  return (listener) => {
    const source = open(url);
    const onReload = (event: MessageEvent<string>) => {
      const data = parseJson(event.data);
      if (isRecord(data) && typeof data.courseId === 'string') {
        listener({ type: 'reload', courseId: data.courseId });
      }
    };
    const onCompileError = (event: MessageEvent<string>) => {
      const data = parseJson(event.data);
      if (isRecord(data) && isStringArray(data.diagnostics)) {
        listener({ type: 'compile-error', diagnostics: data.diagnostics });
      }
    };
    const onImportProgress = (event: MessageEvent<string>) => {
      const data = parseJson(event.data);
      if (
        isRecord(data) &&
        typeof data.uploadId === 'string' &&
        (data.phase === 'checking' || data.phase === 'installing') &&
        typeof data.fraction === 'number'
      ) {
        listener({
          type: 'import-progress',
          uploadId: data.uploadId,
          phase: data.phase,
          fraction: data.fraction,
        });
      }
    };
    source.addEventListener('reload', onReload);
    source.addEventListener('compile-error', onCompileError);
    source.addEventListener('import-progress', onImportProgress);
    return () => source.close();
  };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 403) return 'forbidden';
  if (status === 404) return 'unknown-call';
  if (status === 400 || status === 422) return 'invalid-input';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

function failure(code: ErrorCode, message: string): CallOutcome<never> {
  return { ok: false, error: { code, message } };
}

/** A call's result, or its failure thrown as a StudybookError. */
export function resultOf<T>(outcome: CallOutcome<T>): T {
  if (!outcome.ok) throw new StudybookError(outcome.error);
  return outcome.value;
}

/** Whether a value read from a host has the shape of a call's outcome. */
export function isCallOutcome(value: unknown): value is CallOutcome<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !isRecord(value.error)) return false;
  const { code, message, issues } = value.error;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (issues === undefined || isStringArray(issues))
  );
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A JSON text's value; undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
