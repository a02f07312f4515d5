// The one place that touches ipcRenderer. Runs sandboxed, before the page, and exposes
// `window.studybook`: narrow functions only, never ipcRenderer itself or an IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CALL_CHANNEL,
  HOST_EVENT_CHANNEL,
  MENU_COMMAND_CHANNEL,
  UPLOAD_CHANNEL,
} from './ipc/channels.ts';
import { createBridge } from './ipc/renderer-bridge.ts';

contextBridge.exposeInMainWorld(
  'studybook',
  createBridge({
    invoke: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
    subscribeToMenuCommands: (listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
      };
    },
    subscribeToHostEvents: (listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(HOST_EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(HOST_EVENT_CHANNEL, forward);
      };
    },
    upload: (step, ...args) => ipcRenderer.invoke(UPLOAD_CHANNEL, step, ...args),
  }),
);
