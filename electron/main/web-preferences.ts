// The window's webPreferences, every security-relevant switch written out even where it repeats
// Electron's default, so that a default changing upstream cannot loosen the app silently.
import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** DevTools: on in development only. */
  devTools: boolean;
}

/** The webPreferences of every Studybook window. */
export function secureWebPreferences(options: WebPreferencesOptions): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    plugins: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Nothing in a lesson draws with WebGL; one less GPU surface exposed to course content.
    webgl: false,
    // Dropping a file on the window would otherwise navigate it to file://.
    navigateOnDragDrop: false,
    // The dictionary download is a network request; the session also blocks it (offline-guard.ts).
    spellcheck: false,
    safeDialogs: true,
    autoplayPolicy: 'user-gesture-required',
    // Exception: DevTools can run any code in the page, which only matters to a developer
    // debugging it, so they are available in development and off in the packaged app.
    devTools: options.devTools,
  };
}
