// The application menu as data, so that every platform's layout is unit-tested. Standard actions
// use Electron roles (they carry each platform's labels and accelerators); the two items the page
// handles itself are sent to it as menu commands.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../ipc/channels.ts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Adds Reload and Toggle Developer Tools to View. */
  development: boolean;
  /** Delivers a command to the page of the focused Studybook window. */
  sendCommand(command: MenuCommand): void;
  /** File › Open Course Pack…: main shows the system's file dialog. */
  openCoursePack(): void;
}

/** Accelerators of the page's own commands; the keyboard-shortcuts sheet should show the same. */
export const MENU_ACCELERATORS: Readonly<Record<MenuCommand, string>> = {
  'toggle-theme': 'CmdOrCtrl+Shift+L',
  'show-shortcuts': 'CmdOrCtrl+/',
};

/** File › Open Course Pack… */
export const OPEN_COURSE_PACK_ACCELERATOR = 'CmdOrCtrl+O';

/** The menu template for `platform`; on macOS, the app menu first and Quit/About inside it. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: MENU_ACCELERATORS[name],
    click: () => options.sendCommand(name),
  });
  // Windows and Linux underline the letter after & for Alt-key access; macOS has no mnemonics.
  const topLabel = (label: string): string => (mac ? label.replace('&', '') : label);
  const about: MenuItemConstructorOptions = { role: 'about', label: 'About Studybook' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Studybook',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: topLabel('&File'),
    submenu: [
      {
        label: 'Open Course Pack…',
        accelerator: OPEN_COURSE_PACK_ACCELERATOR,
        click: () => options.openCoursePack(),
      },
      { type: 'separator' },
      // macOS quits from the app menu; its File menu closes the window instead.
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: topLabel('&View'),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      command('Toggle Theme', 'toggle-theme'),
      ...(options.development
        ? ([
            { type: 'separator' },
            { role: 'reload' },
            { role: 'toggleDevTools' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    // The 'help' role gives macOS its Help menu with the search field.
    ...(mac ? { role: 'help' as const } : {}),
    label: topLabel('&Help'),
    submenu: [
      command('Keyboard Shortcuts', 'show-shortcuts'),
      ...(mac ? [] : ([{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[])),
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    // Without an Edit menu, macOS has no Copy or Select All shortcuts in the page.
    { role: 'editMenu' },
    viewMenu,
    ...(mac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    helpMenu,
  ];
}
