// A stand-in for the `electron` module, for running the bundled main process under plain Node
// (no Electron binary can be had here). It records what main does, then plays Chromium's part:
// once main loads its window, it sends requests and IPC calls through what main registered and
// prints a JSON report for main-process.test.ts. Only the API main uses is faked.
/* eslint-disable @typescript-eslint/no-explicit-any -- a fake of Electron's loosely typed API */
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => any;

const record = {
  order: [] as string[],
  privilegedSchemes: [] as unknown[],
  paths: {} as Record<string, string>,
  sandboxEnabled: false,
  singleInstanceRequested: false,
  windows: [] as { options: any; url: string }[],
  menuLabels: [] as string[],
  sent: [] as { channel: string; payload: unknown }[],
};
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
const ipcHandlers = new Map<string, Listener>();

class FakeApp extends EventEmitter {
  isPackaged = false;
  setName(name: string) {
    record.order.push(`setName:${name}`);
  }
  getPath(name: string) {
    return record.paths[name] ?? `/nonexistent/${name}`;
  }
  setPath(name: string, value: string) {
    record.paths[name] = value;
    record.order.push(`setPath:${name}`);
  }
  getVersion() {
    return '0.0.0-test';
  }
  enableSandbox() {
    record.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    record.singleInstanceRequested = true;
    record.order.push('requestSingleInstanceLock');
    return true;
  }
  async whenReady() {
    record.order.push('ready');
  }
  isReady() {
    return true;
  }
  setAboutPanelOptions() {}
  quit() {
    record.order.push('quit');
  }
  exit(code: number) {
    console.log(`FAKE_ELECTRON_EXIT ${code}`);
    process.exit(code);
  }
}
export const app = new FakeApp();
record.paths['appData'] = process.env['FAKE_APP_DATA'] ?? '/nonexistent/appData';

function makeSession() {
  const installed: Record<string, Listener> = {};
  return {
    installed,
    webRequest: {
      onBeforeRequest: (listener: Listener) => (installed['beforeRequest'] = listener),
    },
    setPermissionRequestHandler: (handler: Listener) => (installed['permissionRequest'] = handler),
    setPermissionCheckHandler: (handler: Listener) => (installed['permissionCheck'] = handler),
    setSpellCheckerDictionaryDownloadURL: (url: string) => (installed['dictionaryUrl'] = () => url),
    setSpellCheckerLanguages: () => {},
    setSpellCheckerEnabled: () => {},
  };
}
export const session = { defaultSession: makeSession() };

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    record.privilegedSchemes.push(...schemes);
    record.order.push('registerSchemesAsPrivileged');
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    ipcHandlers.set(channel, listener);
  },
  removeHandler(channel: string) {
    ipcHandlers.delete(channel);
  },
};

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const Menu = {
  buildFromTemplate: (template: { label?: string; role?: string }[]) => template,
  setApplicationMenu(template: { label?: string; role?: string }[]) {
    record.menuLabels = template.map((item) => item.label ?? item.role ?? '?');
  },
};

export const dialog = {
  showErrorBox(title: string, message: string) {
    console.log(`FAKE_ELECTRON_ERROR ${title}: ${message}`);
  },
};
export const shell = { openExternal: async () => {} };

export class BrowserWindow extends EventEmitter {
  static getFocusedWindow() {
    return null;
  }
  readonly webContents = Object.assign(new EventEmitter(), {
    send: (channel: string, payload: unknown) => record.sent.push({ channel, payload }),
  });
  readonly #options: any;
  constructor(options: any) {
    super();
    this.#options = options;
    const contents = Object.assign(new EventEmitter(), {
      session: session.defaultSession,
      setWindowOpenHandler: () => {},
    });
    app.emit('web-contents-created', {}, contents);
  }
  async loadURL(url: string) {
    record.windows.push({ options: this.#options, url });
    // As in Chromium, the page finishes loading after loadURL returns.
    process.nextTick(() => {
      this.webContents.emit('did-start-loading');
      this.webContents.emit('did-finish-load');
    });
    setImmediate(() => {
      probe().catch((error: unknown) => {
        console.log(`FAKE_ELECTRON_ERROR probe: ${String(error)}`);
        process.exit(1);
      });
    });
  }
}

// What Chromium would do with what main registered.
async function probe(): Promise<void> {
  const fetchApp = async (url: string) => {
    const handler = protocolHandlers.get('app');
    if (!handler) return null;
    const response = await handler(new Request(url));
    return {
      status: response.status,
      type: response.headers.get('Content-Type'),
      csp: response.headers.get('Content-Security-Policy'),
      text: await response.text(),
    };
  };
  const call = (frameUrl: string, name: string, input: unknown) =>
    ipcHandlers.get('studybook:call')?.(
      { senderFrame: { url: frameUrl, parent: null } },
      name,
      input,
    );
  const beforeRequest = (url: string) =>
    new Promise((resolve) => session.defaultSession.installed['beforeRequest']?.({ url }, resolve));

  // A pack named on the command line is staged, then handed to the loaded page.
  for (
    let waited = 0;
    waited < 5000 && process.env['FAKE_EXPECT_PACK'] && record.sent.length === 0;
    waited += 20
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const opened = record.sent.find(
    (message) => (message.payload as { type?: string } | undefined)?.type === 'pack-opened',
  )?.payload as { data: { uploadId: string } } | undefined;
  const installOpenedPack = opened
    ? await call('app://studybook/index.html', 'installPack', { uploadId: opened.data.uploadId })
    : null;
  const report = {
    ...record,
    installOpenedPack,
    ipcChannels: [...ipcHandlers.keys()],
    page: await fetchApp('app://studybook/'),
    escape: await fetchApp('app://studybook/%2e%2e/package.json'),
    codeStylesheet: await fetchApp('app://studybook/assets/python-backend/code.css'),
    listCourses: await call('app://studybook/index.html', 'listCourses', {}),
    foreignCall: await call('https://evil.example/', 'listCourses', {}),
    httpsRequest: await beforeRequest('https://example.com/'),
    appRequest: await beforeRequest('app://studybook/index.html'),
    dictionaryUrl: session.defaultSession.installed['dictionaryUrl']?.(),
  };
  console.log(`FAKE_ELECTRON_REPORT ${JSON.stringify(report)}`);
  process.exit(0);
}

export default { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell };
