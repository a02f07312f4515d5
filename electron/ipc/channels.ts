// The IPC channel names and menu commands shared by main and the preload. Zod-free and
// dependency-free, because the sandboxed preload bundles it.

/** The one invoke channel every contract call travels on: `(name, input) → CallOutcome`. */
export const CALL_CHANNEL = 'studybook:call';

/** Main → page: a menu item the page acts on (the page owns the theme and the shortcuts sheet). */
export const MENU_COMMAND_CHANNEL = 'studybook:menu-command';

/** Every command the app menu sends to the page. */
export const MENU_COMMANDS = ['toggle-theme', 'show-shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Is `value` one of MENU_COMMANDS? (Guards what arrives over IPC.) */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * Page → main: a course pack's bytes, in chunks (`begin`, `chunk`…, `finish`, or `abort`). Each
 * step answers a CallOutcome; `finish` answers the staged pack's id, which installPack takes.
 */
export const UPLOAD_CHANNEL = 'studybook:upload';

/** The steps of an upload over UPLOAD_CHANNEL. */
export const UPLOAD_STEPS = ['begin', 'chunk', 'finish', 'abort'] as const;
export type UploadStep = (typeof UPLOAD_STEPS)[number];

/** Bytes per `chunk` step the page sends. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** Main → page: what the host tells the page on its own (the preview sends the same as SSE). */
export const HOST_EVENT_CHANNEL = 'studybook:host-event';

/** A staged pack, as the page knows it: its id for installPack, and its file's name. */
export interface UploadedPack {
  uploadId: string;
  name: string;
  bytes: number;
}

export type HostEventMessage =
  /** The install of staged pack `uploadId` has come this far (0–1 within the phase). */
  | {
      type: 'import-progress';
      data: { uploadId: string; phase: 'checking' | 'installing'; fraction: number };
    }
  /** Main staged a pack the learner opened outside the page (File › Open, a double-click…). */
  | { type: 'pack-opened'; data: UploadedPack };

/** Is `value` a HostEventMessage? (Guards what arrives over IPC.) */
export function isHostEventMessage(value: unknown): value is HostEventMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type, data } = value as { type?: unknown; data?: unknown };
  if (typeof data !== 'object' || data === null) return false;
  const fields = data as Record<string, unknown>;
  if (typeof fields['uploadId'] !== 'string') return false;
  if (type === 'import-progress') {
    return (
      (fields['phase'] === 'checking' || fields['phase'] === 'installing') &&
      typeof fields['fraction'] === 'number'
    );
  }
  return (
    type === 'pack-opened' &&
    typeof fields['name'] === 'string' &&
    typeof fields['bytes'] === 'number'
  );
}
