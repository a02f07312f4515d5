import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences.ts';

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences({
    preload: '/app/dist/electron/preload.cjs',
    devTools: false,
  });

  it('isolates the page from Node and Electron', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps the web security model on', () => {
    expect(preferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      plugins: false,
      webviewTag: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
    });
    expect(preferences.enableBlinkFeatures).toBeUndefined();
  });

  it('switches the spellchecker off, so nothing downloads dictionaries', () => {
    expect(preferences.spellcheck).toBe(false);
  });

  it('loads the given preload and no other', () => {
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('offers DevTools only when asked (development)', () => {
    expect(preferences.devTools).toBe(false);
    expect(secureWebPreferences({ preload: '/p.cjs', devTools: true }).devTools).toBe(true);
  });
});
