// The object the preload exposes to the page as `window.studybook`: one async function per call
// of the contract, plus a subscription to menu commands. Built from a transport the preload
// supplies, so this module never sees ipcRenderer and is tested without Electron.
import type { CallInput, CallName, CallOutcome, CallResult } from '../api.ts';
import { CALL_NAMES } from './call-names.ts';
import {
  isHostEventMessage,
  isMenuCommand,
  UPLOAD_CHUNK_BYTES,
  type HostEventMessage,
  type MenuCommand,
  type UploadedPack,
  type UploadStep,
} from './channels.ts';

/** One function per call: `studybook.openLesson({ courseId, lessonId })`. Never rejects. */
export type ContractBridge = {
  readonly [Name in CallName]: (input: CallInput<Name>) => Promise<CallOutcome<CallResult<Name>>>;
};

/** `window.studybook` in Electron. The renderer's client types its Electron transport with this. */
export type StudybookBridge = ContractBridge & {
  /** Calls `listener` for each menu command until the returned function is called. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Calls `listener` for each host event (install progress, a pack main opened) until unsubscribed. */
  readonly onHostEvent: (listener: (event: HostEventMessage) => void) => () => void;
  /**
   * Sends a course pack's bytes to main, in chunks, reporting bytes sent; resolves with the staged
   * pack (for installPack) or the reason it was refused. Never rejects.
   */
  readonly uploadPack: (
    file: Blob,
    name: string,
    onProgress?: (sentBytes: number, totalBytes: number) => void,
  ) => Promise<CallOutcome<UploadedPack>>;
};

/** What the preload provides: the only two things the page can do with IPC. */
export interface BridgeTransport {
  /** Sends one call to main; resolves with main's CallOutcome. May reject (no handler yet). */
  invoke(name: CallName, input: unknown): Promise<unknown>;
  /** Forwards each menu command payload to `listener`, without the IPC event; returns an unsubscribe. */
  subscribeToMenuCommands(listener: (payload: unknown) => void): () => void;
  /** Forwards each host event payload to `listener`, without the IPC event; returns an unsubscribe. */
  subscribeToHostEvents(listener: (payload: unknown) => void): () => void;
  /** Sends one upload step to main; resolves with main's CallOutcome. May reject. */
  upload(step: UploadStep, ...args: unknown[]): Promise<unknown>;
}

/**
 * Builds the frozen `window.studybook` object over `transport`. Each call resolves with a
 * CallOutcome, also when IPC itself fails (reported as 'unavailable'), so the renderer has one
 * rule for errors. Throws only if `onMenuCommand` is given something that is not a function.
 */
export function createBridge(transport: BridgeTransport): StudybookBridge {
  const calls: Record<string, (input: unknown) => Promise<CallOutcome<unknown>>> = {};
  for (const name of CALL_NAMES) {
    calls[name] = async (input) => {
      try {
        return (await transport.invoke(name, input)) as CallOutcome<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Studybook is not ready yet. Try again.' },
        };
      }
    };
  }
  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
    const unsubscribe = transport.subscribeToMenuCommands((payload) => {
      if (isMenuCommand(payload)) listener(payload);
    });
    // Wrapped so the page gets a function that takes no arguments and returns nothing.
    return () => {
      unsubscribe();
    };
  };
  const onHostEvent = (listener: (event: HostEventMessage) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onHostEvent needs a function.');
    const unsubscribe = transport.subscribeToHostEvents((payload) => {
      if (isHostEventMessage(payload)) listener(payload);
    });
    return () => {
      unsubscribe();
    };
  };
  const uploadPack = (
    file: Blob,
    name: string,
    onProgress?: (sentBytes: number, totalBytes: number) => void,
  ) => sendPack(transport, file, String(name), onProgress);
  return Object.freeze({
    ...calls,
    onMenuCommand,
    onHostEvent,
    uploadPack,
  }) as unknown as StudybookBridge;
}

async function sendPack(
  transport: BridgeTransport,
  file: Blob,
  name: string,
  onProgress?: (sentBytes: number, totalBytes: number) => void,
): Promise<CallOutcome<UploadedPack>> {
  const step = async (...args: [UploadStep, ...unknown[]]): Promise<CallOutcome<unknown>> => {
    try {
      const answer = (await transport.upload(...args)) as CallOutcome<unknown> | undefined;
      if (answer && typeof answer === 'object' && typeof answer.ok === 'boolean') return answer;
      return {
        ok: false,
        error: { code: 'internal', message: 'Studybook gave an unreadable answer.' },
      };
    } catch {
      return {
        ok: false,
        error: { code: 'unavailable', message: 'Studybook is not ready yet. Try again.' },
      };
    }
  };
  if (!(file instanceof Blob)) {
    return { ok: false, error: { code: 'invalid-input', message: 'Choose a file to open.' } };
  }
  const begun = await step('begin', name, file.size);
  if (!begun.ok) return begun;
  const { transferId } = begun.value as { transferId: string };
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
    } catch {
      await step('abort', transferId);
      return {
        ok: false,
        error: { code: 'invalid-input', message: `${name} could not be read. Copy it again.` },
      };
    }
    const sent = await step('chunk', transferId, bytes);
    if (!sent.ok) {
      await step('abort', transferId);
      return sent;
    }
    onProgress?.(Math.min(offset + UPLOAD_CHUNK_BYTES, file.size), file.size);
  }
  return (await step('finish', transferId)) as CallOutcome<UploadedPack>;
}
