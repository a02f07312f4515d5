import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../ipc/channels.ts';
import { buildMenuTemplate, MENU_ACCELERATORS } from './menu-template.ts';

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function menu(platform: NodeJS.Platform, development = false) {
  const sendCommand = vi.fn<(command: MenuCommand) => void>();
  const openCoursePack = vi.fn<() => void>();
  const template = buildMenuTemplate({ platform, development, sendCommand, openCoursePack });
  const find = (label: string) => template.find((item) => item.label?.replace('&', '') === label);
  const roles = (item: MenuItemConstructorOptions | undefined) =>
    submenuOf(item).map((entry) => entry.role ?? entry.label ?? entry.type);
  return { template, find, roles, sendCommand, openCoursePack };
}

describe('buildMenuTemplate on Windows and Linux', () => {
  it.each(['win32', 'linux'] as const)('has File, Edit, View and Help on %s', (platform) => {
    const { template } = menu(platform);
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      '&File',
      'editMenu',
      '&View',
      '&Help',
    ]);
  });

  it('opens a course pack and quits from File', () => {
    const { find, roles } = menu('win32');
    expect(roles(find('File'))).toEqual(['Open Course Pack…', 'separator', 'quit']);
  });

  it.each(['win32', 'linux', 'darwin'] as const)(
    'asks main to show the file dialog from File › Open Course Pack… on %s',
    (platform) => {
      const { find, openCoursePack } = menu(platform);
      const item = submenuOf(find('File'))[0];
      expect(item?.accelerator).toBe('CmdOrCtrl+O');
      (item?.click as () => void)();
      expect(openCoursePack).toHaveBeenCalledOnce();
    },
  );

  it('offers zoom, full screen and the theme in View', () => {
    const { find, roles } = menu('linux');
    expect(roles(find('View'))).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
      'Toggle Theme',
    ]);
  });

  it('puts Keyboard Shortcuts and About Studybook in Help', () => {
    const { find, roles } = menu('win32');
    expect(roles(find('Help'))).toEqual(['Keyboard Shortcuts', 'separator', 'about']);
    expect(submenuOf(find('Help')).at(-1)?.label).toBe('About Studybook');
  });
});

describe('buildMenuTemplate on macOS', () => {
  it('starts with the app menu and ends with Window and Help', () => {
    const { template } = menu('darwin');
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'Studybook',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'Help',
    ]);
  });

  it('puts About, Services, Hide and Quit in the app menu', () => {
    const { find, roles } = menu('darwin');
    expect(roles(find('Studybook'))).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
  });

  it('closes the window from File instead of quitting, and keeps About out of Help', () => {
    const { find, roles } = menu('darwin');
    expect(roles(find('File'))).toEqual(['Open Course Pack…', 'separator', 'close']);
    expect(roles(find('Help'))).toEqual(['Keyboard Shortcuts']);
    expect(find('Help')?.role).toBe('help');
  });

  it('uses no Windows-style mnemonics in its labels', () => {
    const { template } = menu('darwin');
    expect(template.some((item) => item.label?.includes('&'))).toBe(false);
  });
});

describe('menu commands', () => {
  it.each([
    ['View', 'Toggle Theme', 'toggle-theme'],
    ['Help', 'Keyboard Shortcuts', 'show-shortcuts'],
  ] as const)('%s › %s sends %s to the page', (menuLabel, itemLabel, command) => {
    const { find, sendCommand } = menu('linux');
    const item = submenuOf(find(menuLabel)).find((entry) => entry.label === itemLabel);
    expect(item?.accelerator).toBe(MENU_ACCELERATORS[command]);
    (item?.click as () => void)();
    expect(sendCommand).toHaveBeenCalledWith(command);
  });

  it('gives every page command a distinct accelerator', () => {
    const accelerators = Object.values(MENU_ACCELERATORS);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('development items', () => {
  it('adds Reload and DevTools to View in development only', () => {
    expect(menu('linux', true).roles(menu('linux', true).find('View'))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
    expect(menu('linux', false).roles(menu('linux', false).find('View'))).not.toContain(
      'toggleDevTools',
    );
  });
});
