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
