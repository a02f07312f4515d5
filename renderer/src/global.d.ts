import type { StudybookBridge } from './lib/client.ts';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser preview. */
    readonly studybook?: StudybookBridge;
  }
}

export {};
