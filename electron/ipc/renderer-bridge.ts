// The object the preload exposes to the page as `window.studybook`: one async function per call
// of the contract, plus a subscription to menu commands. Built from a transport the preload
// supplies, so this module never sees ipcRenderer and is tested without Electron.
import type { CallInput, CallName, CallOutcome, CallResult } from '../api.ts';
import { CALL_NAMES } from './call-names.ts';
import { isMenuCommand, type MenuCommand } from './channels.ts';

/** One function per call: `studybook.openLesson({ courseId, lessonId })`. Never rejects. */
export type ContractBridge = {
  readonly [Name in CallName]: (input: CallInput<Name>) => Promise<CallOutcome<CallResult<Name>>>;
};

/** `window.studybook` in Electron. The renderer's client types its Electron transport with this. */
export type StudybookBridge = ContractBridge & {
  /** Calls `listener` for each menu command until the returned function is called. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

/** What the preload provides: the only two things the page can do with IPC. */
export interface BridgeTransport {
  /** Sends one call to main; resolves with main's CallOutcome. May reject (no handler yet). */
  invoke(name: CallName, input: unknown): Promise<unknown>;
  /** Forwards each menu command payload to `listener`, without the IPC event; returns an unsubscribe. */
  subscribeToMenuCommands(listener: (payload: unknown) => void): () => void;
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
  return Object.freeze({ ...calls, onMenuCommand }) as unknown as StudybookBridge;
}
