/**
 * Builds the `window.ferry` object from the contract. Pure (no electron import) so the preload, the
 * exposure test and the browser e2e harness construct exactly the same API.
 */
import { apiShape, eventChannels, type Envelope, type EventChannel, type FerryApi } from './contract.ts';

export interface PreloadTransport {
  /** Sends `argument` on the invoke channel `channel` and resolves with main's envelope. */
  invoke(channel: string, argument: unknown): Promise<Envelope<unknown>>;
  /** Listens for an event; the listener receives the payload only, never the IPC event object. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** The local path of a dropped File (Electron's webUtils.getPathForFile), '' for one the page made. */
  pathForFile(file: File): string;
}

export function buildFerryApi(transport: PreloadTransport): FerryApi {
  const call = async (channel: string, argument: unknown): Promise<unknown> => {
    const envelope = await transport.invoke(channel, argument);
    if (envelope.ok) return envelope.value;
    // A plain object survives contextBridge with its code intact (Error instances lose extra fields).
    throw { code: envelope.error.code, message: envelope.error.message };
  };

  const api: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(apiShape())) {
    const group: Record<string, (argument?: unknown) => Promise<unknown>> = {};
    for (const method of methods) group[method] = (argument?: unknown) => call(`${ns}.${method}`, argument);
    api[ns] = Object.freeze(group);
  }
  api.on = (event: EventChannel, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(eventChannels, event) || typeof listener !== 'function') return () => {};
    return transport.subscribe(event, (payload) => listener(payload));
  };
  // The page decides nothing about paths: look-alike objects are skipped, Files resolve in the preload.
  api.dropFiles = async (files: readonly File[]) => {
    const paths = Array.from(files, (file) => (file instanceof File ? transport.pathForFile(file) : '')).filter((p) => p.length > 0);
    return call('uploads.drop', { paths });
  };
  return Object.freeze(api) as FerryApi;
}
