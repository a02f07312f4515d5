// Electron's main process. Only wiring: each concern lives in its own module under main/ (and
// the IPC wrapper under ipc/), where it is documented and tested.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { CallFailure } from './dispatch.ts';
import { registerContractHandlers, registerUploadHandler } from './ipc/ipc-main.ts';
import {
  HOST_EVENT_CHANNEL,
  MENU_COMMAND_CHANNEL,
  type HostEventMessage,
  type MenuCommand,
} from './ipc/channels.ts';
import { createUploadTransfers } from './ipc/upload-transfers.ts';
import { appLayout, bundledPackSource, chooseUserDataDir } from './main/app-paths.ts';
import {
  createAppRequestHandler,
  registerAppScheme,
  type AppContent,
} from './main/app-protocol.ts';
import { buildMenuTemplate } from './main/menu-template.ts';
import { APP_ENTRY_URL, APP_SCHEME, isOpenableExternalUrl } from './main/navigation-policy.ts';
import { guardSession, installOfflineGuard } from './main/offline-guard.ts';
import {
  OPEN_PACK_DIALOG,
  packPathFromFileUrl,
  packPathsFromArgv,
  PackOpener,
} from './main/pack-opener.ts';
import { claimSingleInstance } from './main/single-instance.ts';
import { createMainWindow, focusWindow } from './main/window-manager.ts';
import type { RenderPage } from './page-address.ts';
import { pageRendererOrNull } from './serve/page-renderer.ts';
import { openAppServices, type AppServices } from './services.ts';

// The packaged app is named by studybook.config.json (its package.json's productName), so that an
// instructor's build carries their class's name; in development it is Studybook.
const APP_NAME = app.isPackaged ? app.getName() : 'Studybook';
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
let services: AppServices | null = null;
// Packs opened before the services exist (macOS sends open-file before ready) wait here.
const packsBeforeStart: string[] = [];
const packOpener = new PackOpener({
  stage: async (file) => {
    if (!services) throw new Error('Studybook is still starting. Open the course again.');
    const staged = await services.stagePackFile(file);
    return { uploadId: staged.id, name: staged.displayName, bytes: staged.bytes };
  },
  fail: (file, message) =>
    dialog.showErrorBox(`Studybook could not open ${path.basename(file)}`, message),
  needPage: () => {
    if (mainWindow === null && app.isReady()) openWindow();
  },
});
const openPacks = (files: readonly string[]): void => {
  if (services) void packOpener.openAll(files);
  else packsBeforeStart.push(...files);
};

const isFirstInstance = claimSingleInstance(app, (argv, workingDirectory) => {
  if (mainWindow) focusWindow(mainWindow);
  // A double-clicked pack while Studybook runs arrives as the second launch's arguments.
  openPacks(packPathsFromArgv(argv.slice(1), workingDirectory));
});
// macOS: a pack double-clicked in the Finder or dropped on the dock icon; may come before ready.
app.on('open-file', (event, file) => {
  event.preventDefault();
  openPacks([file]);
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
  // Loaded while Electron gets ready and the services open, not after: it is on the way to the
  // window's first page. It never rejects (a missing build is logged).
  const loadingRenderer = pageRendererOrNull(layout.pageRenderer, (message) => log(message));
  await app.whenReady();
  guardSession(session.defaultSession);

  const opened = await openAppServices({
    dataDir: userDataDir,
    bundledPacks: bundledPackSource({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      root: layout.root,
    }),
    openExternal,
  });
  services = opened;
  app.on('will-quit', () => opened.close());

  const render = await loadingRenderer;
  protocol.handle(APP_SCHEME, createAppRequestHandler(appContent(opened, render), log));
  registerContractHandlers(opened.handlers, log);
  registerUploadHandler(createUploadTransfers(opened.uploads), log);
  opened.onImportProgress((progress) => sendHostEvent({ type: 'import-progress', data: progress }));
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        development,
        sendCommand,
        openCoursePack: () => {
          openCoursePack().catch((error: unknown) => log('The file dialog failed:', error));
        },
      }),
    ),
  );

  openWindow();
  // A pack on the command line (or the double-click that launched Studybook), then any that
  // arrived before start.
  openPacks([
    ...packPathsFromArgv(process.argv.slice(1), process.cwd()),
    ...packsBeforeStart.splice(0),
  ]);
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
  const contents = window.webContents;
  // Opened packs go to the page once it has loaded (and has subscribed to host events).
  contents.on('did-finish-load', () =>
    packOpener.attach((pack) => contents.send(HOST_EVENT_CHANNEL, hostEvent('pack-opened', pack))),
  );
  contents.on('did-start-loading', () => packOpener.detach());
  // A pack dropped where the page does not take drops: Chromium would navigate to the file, which
  // the offline guard refuses; the pack is opened instead.
  contents.on('will-navigate', (_event, url) => {
    const file = packPathFromFileUrl(url);
    if (file) openPacks([file]);
  });
  window.on('closed', () => {
    packOpener.detach();
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function hostEvent<Type extends HostEventMessage['type']>(
  type: Type,
  data: Extract<HostEventMessage, { type: Type }>['data'],
): HostEventMessage {
  return { type, data } as HostEventMessage;
}

function sendHostEvent(event: HostEventMessage): void {
  mainWindow?.webContents.send(HOST_EVENT_CHANNEL, event);
}

async function openCoursePack(): Promise<void> {
  const options = { ...OPEN_PACK_DIALOG, properties: [...OPEN_PACK_DIALOG.properties] };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  if (!result.canceled) openPacks(result.filePaths);
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

function appContent(services: AppServices, render: RenderPage | null): AppContent {
  return {
    rendererDir: layout.rendererDir,
    readAsset: (courseId: string, name: string) => services.readAsset(courseId, name),
    readCodeStylesheet: (courseId: string) => services.readCodeStylesheet(courseId),
    handlers: services.handlers,
    render,
  };
}
