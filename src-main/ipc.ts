/**
 * Registers the handler table with Electron. One `handle(channel, schema, fn)`: the sender must be one of
 * our windows showing our app origin, the argument is zod-parsed, errors become `{ code, message }` in
 * the user's language (see app/dispatch.ts, shared with the e2e harness). Type-only electron imports.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { invokeChannels, ipcName, type Envelope, type InvokeChannel } from './contract.ts';
import { dispatch, type CallContext, type HandlerTable } from './app/dispatch.ts';
import { toUserError } from './errors/userError.ts';
import { FerryError } from './errors/ferryError.ts';
import { isAppUrl } from './security.ts';
import type { Lang } from './i18n/lang.ts';

export interface SenderCheck {
  (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean;
}

/** Accepts calls only from the main frame of one of `windows()` while it shows app://ferry/. */
export function senderCheck(ourContents: () => readonly Pick<WebContents, 'id'>[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
    return ourContents().some((contents) => contents.id === event.sender.id);
  };
}

/**
 * Registers one channel. `schema` must be the channel's request schema from the contract; it is passed
 * explicitly so a reader sees at the call site what is accepted.
 */
export function handle(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: InvokeChannel,
  schema: z.ZodType,
  fn: (raw: unknown, ctx: CallContext) => Promise<Envelope<unknown>>,
  options: { isTrusted: SenderCheck; lang: () => Promise<Lang> },
): void {
  if (schema !== invokeChannels[channel].request) throw new Error(`schema for ${channel} is not the contract's`);
  ipcMain.handle(ipcName(channel), async (event, raw: unknown) => {
    const lang = await options.lang();
    if (!options.isTrusted(event)) {
      return { ok: false, error: toUserError(new FerryError('app.forbiddenSender'), lang) } satisfies Envelope<never>;
    }
    return fn(raw, { lang });
  });
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  table: HandlerTable,
  options: { isTrusted: SenderCheck; lang: () => Promise<Lang> },
): void {
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
    handle(ipcMain, channel, invokeChannels[channel].request, (raw, ctx) => dispatch(table, channel, raw, ctx), options);
  }
}
