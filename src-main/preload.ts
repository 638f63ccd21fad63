// Runs sandboxed, before the renderer. Exposes only the contract's methods as window.ferry.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { ipcName, type Envelope, type EventChannel, type InvokeChannel } from './contract.ts';
import { buildFerryApi } from './preloadApi.ts';

/**
 * Files with no path from drops the user really made (isTrusted: page script cannot fake one), seen here in
 * the preload's own world before the page handles the event. dropFiles takes each at most once.
 */
let trustedDrops: File[] = [];
// (No window when the exposure test loads this module under Node.)
if (typeof window !== 'undefined') {
  window.addEventListener(
    'drop',
    (event) => {
      if (!event.isTrusted) return;
      trustedDrops = Array.from(event.dataTransfer?.files ?? []).filter((file) => webUtils.getPathForFile(file) === '');
    },
    true,
  );
}

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
  droppedData(file) {
    const at = trustedDrops.findIndex((d) => d.name === file.name && d.size === file.size && d.lastModified === file.lastModified);
    return at < 0 ? undefined : trustedDrops.splice(at, 1)[0];
  },
});

contextBridge.exposeInMainWorld('ferry', api);
