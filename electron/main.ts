// Electron's main process. Only wiring: each concern lives in its own module under main/ (and
// the IPC wrapper under ipc/), where it is documented and tested.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { CallFailure } from './dispatch.ts';
import { registerContractHandlers } from './ipc/ipc-main.ts';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from './ipc/channels.ts';
import { appLayout, bundledPackSource, chooseUserDataDir } from './main/app-paths.ts';
import {
  createAppRequestHandler,
  registerAppScheme,
  type AppContent,
} from './main/app-protocol.ts';
import { buildMenuTemplate } from './main/menu-template.ts';
import { APP_ENTRY_URL, APP_SCHEME, isOpenableExternalUrl } from './main/navigation-policy.ts';
import { guardSession, installOfflineGuard } from './main/offline-guard.ts';
import { claimSingleInstance } from './main/single-instance.ts';
import { createMainWindow, focusWindow } from './main/window-manager.ts';
import { openAppServices, type AppServices } from './services.ts';

const APP_NAME = 'Studybook';
const layout = appLayout(import.meta.dirname);
const development = !app.isPackaged;
const log = (message: string, error?: unknown): void => {
  if (error === undefined) console.error(message);
  else console.error(message, error);
};

// Everything up to claimSingleInstance must happen before `ready`, synchronously: Electron may
// emit `ready` while an ES module entry point is still awaiting.
registerAppScheme(protocol);
app.setName(APP_NAME);
// The user data folder decides which instance is "single", so it is settled before the lock;
// Chromium's own storage goes with it, one folder per profile.
const userDataDir = chooseUserDataDir(process.env, path.join(app.getPath('appData'), APP_NAME));
app.setPath('userData', userDataDir);
app.setPath('sessionData', userDataDir);
app.enableSandbox();
installOfflineGuard(app);

let mainWindow: BrowserWindow | null = null;

const isFirstInstance = claimSingleInstance(app, () => {
  if (mainWindow) focusWindow(mainWindow);
});
if (isFirstInstance) {
  start().catch((error: unknown) => {
    log('Studybook could not start:', error);
    dialog.showErrorBox(
      'Studybook could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  guardSession(session.defaultSession);

  const services = await openAppServices({
    dataDir: userDataDir,
    bundledPacks: bundledPackSource({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      root: layout.root,
    }),
    openExternal,
  });
  app.on('will-quit', () => services.close());

  protocol.handle(APP_SCHEME, createAppRequestHandler(appContent(services), log));
  registerContractHandlers(services.handlers, log);
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ platform: process.platform, development, sendCommand }),
    ),
  );

  openWindow();
  app.on('activate', () => {
    // macOS keeps the app running with no window; clicking the dock icon opens one again.
    if (mainWindow === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function openWindow(): void {
  const window = createMainWindow({
    url: APP_ENTRY_URL,
    preload: layout.preload,
    stateFile: path.join(userDataDir, 'window-state.json'),
    devTools: development,
    log,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function sendCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

async function openExternal(url: string): Promise<void> {
  // The contract's schema already admits https only; this is the last gate before the OS
  // launches a handler for the URL.
  if (!isOpenableExternalUrl(url)) {
    throw new CallFailure('forbidden', 'Studybook opens only https:// links in your browser.');
  }
  await shell.openExternal(url);
}

function appContent(services: AppServices): AppContent {
  return {
    rendererDir: layout.rendererDir,
    readAsset: (courseId: string, name: string) => services.readAsset(courseId, name),
    readCodeStylesheet: (courseId: string) => services.readCodeStylesheet(courseId),
  };
}
