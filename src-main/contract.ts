/**
 * THE IPC contract between the sandboxed renderer and the main process. Channel names, a zod schema for
 * every request and reply, the events main sends, and the `FerryApi` type the renderer sees as
 * `window.ferry`. Imports nothing from electron, node or the DOM: the preload, ipc.ts, the e2e harness
 * and the renderer (types only) all derive from this one table.
 *
 * The page is untrusted: no page-visible channel takes a filesystem path or a URL to open. Paths of
 * dropped files travel only on preload channels, which the preload calls from its own code.
 *
 * Reply schemas are allow-lists: zod drops unknown keys, so a field that is not declared here can never
 * cross into the renderer, whatever a handler returns.
 */
import type { z } from 'zod';
import type { ChannelTable, EventTable } from './contract/channel.ts';
import { appChannels, appEvents } from './contract/app.ts';
import { profileChannels, profileEvents } from './contract/profiles.ts';
import { uploadChannels, uploadEvents, uploadPreloadChannels } from './contract/uploads.ts';
import { linkChannels, linkEvents } from './contract/links.ts';
import { networkChannels, networkEvents } from './contract/network.ts';
import { bundleChannels, bundleEvents } from './contract/bundles.ts';
import { qrChannels } from './contract/qr.ts';

/** What the page may call: each channel is a method `window.ferry.<namespace>.<method>`. */
export const pageChannels = {
  ...appChannels,
  ...profileChannels,
  ...uploadChannels,
  ...linkChannels,
  ...networkChannels,
  ...bundleChannels,
  ...qrChannels,
} satisfies ChannelTable;

/** Called only by the preload's own functions (dropFiles), never exposed as a window.ferry method. */
export const preloadChannels = {
  ...uploadPreloadChannels,
} satisfies ChannelTable;

/** Every channel main answers, each behind the same sender check and schema. */
export const invokeChannels = { ...pageChannels, ...preloadChannels } satisfies ChannelTable;

export const eventChannels = {
  ...appEvents,
  ...profileEvents,
  ...uploadEvents,
  ...linkEvents,
  ...networkEvents,
  ...bundleEvents,
} satisfies EventTable;

export type InvokeChannel = keyof typeof invokeChannels;
export type PageChannel = keyof typeof pageChannels;
export type EventChannel = keyof typeof eventChannels;

export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['request']>;
export type ReplyOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['reply']>;
export type ReplyInputOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['reply']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

/** What a failed call rejects with in the renderer: a stable code and a plain-language sentence. */
export interface FerryFailure {
  code: string;
  message: string;
}

/** The envelope every invoke channel answers with over IPC (the preload unwraps it). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: FerryFailure };

/** The single IPC channel name that carries an invoke call for `channel`. */
export const ipcName = (channel: InvokeChannel | EventChannel): string => `ferry:${channel}`;

type Namespace<C> = C extends `${infer N}.${string}` ? N : never;
type MethodOf<C, N extends string> = C extends `${N}.${infer M}` ? M : never;
type Call<C extends InvokeChannel> = undefined extends RequestOf<C>
  ? (request?: RequestOf<C>) => Promise<ReplyOf<C>>
  : (request: RequestOf<C>) => Promise<ReplyOf<C>>;

/** What every way of adding files answers (drop, picker, clipboard). */
export type AddUploadsReply = ReplyOf<'uploads.drop'>;

export type FerryApi = {
  [N in Namespace<PageChannel>]: {
    [C in PageChannel as MethodOf<C, N>]: Call<C>;
  };
} & {
  /** Subscribe to a main-process event; returns the function that unsubscribes. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  /**
   * Upload Files the user dropped on the window. Only real File objects with a path on disk are sent
   * (resolved in the preload, never shown to the page); anything else is left out.
   */
  dropFiles(files: readonly File[]): Promise<AddUploadsReply>;
};

/** The methods the preload must expose, derived from the page channels (used by the exposure test). */
export function apiShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of Object.keys(pageChannels)) {
    const [ns, method] = channel.split('.') as [string, string];
    (shape[ns] ??= []).push(method);
  }
  return shape;
}
