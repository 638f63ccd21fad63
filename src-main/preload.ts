// Runs sandboxed, before the renderer. Exposes only the contract's methods as window.ferry.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { ipcName, type Envelope, type EventChannel, type InvokeChannel } from './contract.ts';
import { buildFerryApi } from './preloadApi.ts';

const api = buildFerryApi({
  invoke: (channel, argument) => ipcRenderer.invoke(ipcName(channel as InvokeChannel), argument) as Promise<Envelope<unknown>>,
  subscribe(event, listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcName(event as EventChannel), wrapped);
    return () => {
      ipcRenderer.removeListener(ipcName(event as EventChannel), wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('ferry', api);
