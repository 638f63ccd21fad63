/**
 * Builds the `window.ferry` object from the contract. Pure (no electron import) so the preload, the
 * exposure test and the browser e2e harness construct exactly the same API.
 */
import { apiShape, eventChannels, type AddUploadsReply, type Envelope, type EventChannel, type FerryApi } from './contract.ts';
import { DROPPED_DATA_LIMIT } from './contract/uploads.ts';

/** At most this many path-less files (dragged from a browser or mail) are taken from one drop. */
const MAX_DROPPED_DATA_FILES = 100;

export interface PreloadTransport {
  /** Sends `argument` on the invoke channel `channel` and resolves with main's envelope. */
  invoke(channel: string, argument: unknown): Promise<Envelope<unknown>>;
  /** Listens for an event; the listener receives the payload only, never the IPC event object. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** The local path of a dropped File (Electron's webUtils.getPathForFile), '' for one the page made. */
  pathForFile(file: File): string;
  /**
   * For a File with no path: the same file from a drop the user really made (a trusted drop event the
   * preload saw itself, e.g. from a browser or mail program), taken once; undefined for one the page made.
   */
  droppedData(file: File): Blob | undefined;
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
  // A File with no path (from a browser or mail program) goes to main as bytes, one file per call.
  api.dropFiles = async (files: readonly File[]) => {
    const real = Array.from(files).filter((file): file is File => file instanceof File);
    const withPath = real.map((file) => ({ file, path: transport.pathForFile(file) }));
    const paths = withPath.filter((f) => f.path.length > 0).map((f) => f.path);
    // Only bytes the user really dropped: a File the page made has no trusted drop behind it and is skipped.
    const pathless = withPath.flatMap((f) => {
      const blob = f.path.length === 0 ? transport.droppedData(f.file) : undefined;
      return blob ? [{ name: f.file.name, blob }] : [];
    });
    const reply: AddUploadsReply = { accepted: 0, rejected: [], ids: [] };
    const merge = (part: AddUploadsReply) => {
      reply.accepted += part.accepted;
      reply.rejected.push(...part.rejected);
      reply.ids?.push(...(part.ids ?? []));
    };
    if (paths.length > 0 || pathless.length === 0) merge((await call('uploads.drop', { paths })) as AddUploadsReply);
    for (const { name, blob } of pathless.slice(0, MAX_DROPPED_DATA_FILES)) {
      const size = blob.size;
      try {
        const bytes = size <= DROPPED_DATA_LIMIT ? new Uint8Array(await blob.arrayBuffer()) : undefined;
        merge((await call('uploads.dropData', { name, size, bytes })) as AddUploadsReply);
      } catch (error) {
        const { code = 'app.unexpected', message = '' } = (error ?? {}) as { code?: string; message?: string };
        reply.rejected.push({ name, error: { code, message } });
      }
    }
    return reply;
  };
  return Object.freeze(api) as FerryApi;
}
