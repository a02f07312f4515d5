// The main window: created with secure webPreferences, placed where the learner left it, shown
// once its first paint is ready, and its placement saved when it closes.
import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './web-preferences.ts';
import {
  MIN_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type WindowState,
} from './window-state.ts';

export interface MainWindowOptions {
  /** The page to load (the app origin's index.html). */
  url: string;
  /** Absolute path of the bundled preload. */
  preload: string;
  /** The JSON file holding the window's placement between runs. */
  stateFile: string;
  devTools: boolean;
  log: (message: string, error?: unknown) => void;
}

/** Opens the main window and starts loading `url`. Throws only if Electron cannot create it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const placement = placeWindow(readWindowState(options.stateFile), [
    primary.workArea,
    ...others.map((display) => display.workArea),
  ]);

  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Studybook',
    // Shown on ready-to-show, so the learner never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences({ preload: options.preload, devTools: options.devTools }),
  });

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    if (placement.fullScreen) window.setFullScreen(true);
    window.show();
  });
  window.on('close', () => {
    try {
      writeWindowState(options.stateFile, captureState(window));
    } catch (error) {
      options.log('Could not save the window position:', error);
    }
  });
  window.loadURL(options.url).catch((error: unknown) => {
    options.log(`Could not load ${options.url}:`, error);
  });
  return window;
}

/** Brings `window` to the front, restoring it if minimised (a second launch of the app). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function captureState(window: BrowserWindow): WindowState {
  // The normal bounds, not the maximised ones, so un-maximising next time restores the old size.
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
}
