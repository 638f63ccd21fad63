/**
 * The Electron-free core of IPC: parse the argument with the channel's schema, run the handler, parse the
 * reply through its allow-list schema, and turn any failure into a plain-language `{ code, message }`.
 * ipc.ts (Electron), the e2e harness and the preview server all call this with the same handler table.
 */
import {
  invokeChannels,
  type Envelope,
  type InvokeChannel,
  type ParsedRequestOf,
  type ReplyInputOf,
} from '../contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { FerryError } from '../errors/ferryError.ts';
import { toUserError } from '../errors/userError.ts';
import { logger } from '../log/logger.ts';

export interface CallContext {
  lang: Lang;
}

export type Handler<C extends InvokeChannel> = (
  request: ParsedRequestOf<C>,
  ctx: CallContext,
) => Promise<ReplyInputOf<C>> | ReplyInputOf<C>;

export type HandlerTable = { [C in InvokeChannel]: Handler<C> };

const log = logger('ipc');

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel);
}

export async function dispatch(
  table: HandlerTable,
  channel: string,
  rawArgument: unknown,
  ctx: CallContext,
): Promise<Envelope<unknown>> {
  try {
    if (!isInvokeChannel(channel)) throw new FerryError('app.invalidRequest');
    const spec = invokeChannels[channel];
    const parsed = spec.request.safeParse(rawArgument);
    if (!parsed.success) {
      log.warn('rejected malformed request', { channel, issues: parsed.error.issues.length });
      throw new FerryError('app.invalidRequest');
    }
    const handler = table[channel] as (request: unknown, ctx: CallContext) => Promise<unknown> | unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: spec.reply.parse(value) };
  } catch (error) {
    const failure = toUserError(error, ctx.lang);
    log.warn('call failed', { channel, code: failure.code, cause: describeCause(error) });
    return { ok: false, error: failure };
  }
}

/** Enough to debug from the log without copying secrets or server bodies (the logger redacts too). */
function describeCause(error: unknown): string {
  const cause = error instanceof FerryError && error.cause !== undefined ? error.cause : error;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`.slice(0, 300);
  return typeof cause;
}
