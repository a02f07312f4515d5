// The one place that touches ipcMain. Every contract call arrives on one channel and passes the
// same two gates: the sender must be the app's own top-level page, then `dispatch` parses the
// input with the call's schema before any handler runs.
import { ipcMain } from 'electron';
import type { CallOutcome } from '../api.ts';
import { dispatch, type Handlers } from '../dispatch.ts';
import { APP_ORIGIN, describeUrlForLog, isAppUrl } from '../main/navigation-policy.ts';
import { CALL_CHANNEL, UPLOAD_CHANNEL } from './channels.ts';
import type { UploadTransfers } from './upload-transfers.ts';

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

type Log = (message: string, error?: unknown) => void;

/**
 * Decides whether a call from `frame` may run: only the top-level frame of a page on
 * `app://studybook`. A missing or disposed frame is refused. Never throws.
 */
export function judgeSender(frame: SenderFrame | null | undefined): SenderVerdict {
  if (!frame) return { trusted: false, reason: 'its frame is gone' };
  let url: string;
  let isTopLevel: boolean;
  try {
    // Reading a disposed WebFrameMain throws; that sender is refused like a missing one.
    url = frame.url;
    isTopLevel = frame.parent === null;
  } catch {
    return { trusted: false, reason: 'its frame is gone' };
  }
  if (!isAppUrl(url)) {
    return { trusted: false, reason: `it comes from ${describeUrlForLog(url)}, not ${APP_ORIGIN}` };
  }
  if (!isTopLevel) return { trusted: false, reason: 'it comes from a subframe' };
  return { trusted: true };
}

/**
 * Answers one call: 'forbidden' without running anything when the sender is not trusted,
 * otherwise whatever `dispatch` returns. Never throws.
 */
export async function answerCall(
  handlers: Handlers,
  frame: SenderFrame | null | undefined,
  name: unknown,
  input: unknown,
  log: Log = console.error,
): Promise<CallOutcome<unknown>> {
  const verdict = judgeSender(frame);
  const callName = typeof name === 'string' ? name : `<${typeof name}>`;
  if (!verdict.trusted) {
    log(`Refused IPC call ${JSON.stringify(callName.slice(0, 64))}: ${verdict.reason}.`);
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Only Studybook’s own page may make this call.' },
    };
  }
  return dispatch(handlers, callName, input, log);
}

/**
 * Registers the contract on CALL_CHANNEL. Returns a function that unregisters it. Throws if the
 * channel already has a handler (Electron refuses a second one).
 */
export function registerContractHandlers(handlers: Handlers, log: Log = console.error): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) =>
    answerCall(handlers, event.senderFrame, name, input, log),
  );
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}

/** The part of Electron's WebContents the upload wrapper uses. */
export interface UploadSender {
  readonly id: number;
  once?(event: 'destroyed', listener: () => void): unknown;
}

/**
 * Answers one upload step: 'forbidden' without touching anything when the sender is not trusted
 * (the same rule as for calls), otherwise what the transfer answers. Never throws.
 */
export async function answerUpload(
  transfers: UploadTransfers,
  frame: SenderFrame | null | undefined,
  sender: UploadSender,
  step: unknown,
  args: unknown[],
  log: Log = console.error,
): Promise<CallOutcome<unknown>> {
  const verdict = judgeSender(frame);
  if (!verdict.trusted) {
    log(`Refused an upload step: ${verdict.reason}.`);
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Only Studybook’s own page may upload a course.' },
    };
  }
  return transfers.step(sender.id, step, args);
}

/**
 * Registers the upload steps on UPLOAD_CHANNEL; a page that goes away has its unfinished uploads
 * deleted. Returns a function that unregisters it. Throws if the channel already has a handler.
 */
export function registerUploadHandler(
  transfers: UploadTransfers,
  log: Log = console.error,
): () => void {
  const watched = new WeakSet<object>();
  ipcMain.handle(UPLOAD_CHANNEL, (event, step: unknown, ...args: unknown[]) => {
    const sender: UploadSender = event.sender;
    if (!watched.has(sender)) {
      watched.add(sender);
      sender.once?.('destroyed', () => transfers.abandon(sender.id));
    }
    return answerUpload(transfers, event.senderFrame, sender, step, args, log);
  });
  return () => {
    ipcMain.removeHandler(UPLOAD_CHANNEL);
  };
}
