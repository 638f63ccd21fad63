import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

type Callback = (error: Error | null, data: unknown, res: IncomingMessage) => void;

/** The slice of urllib (the HTTP client inside ali-oss) that ali-oss calls, and that this file wraps. */
export interface Urllib {
  request(url: string, args: { ctx?: unknown } & Record<string, unknown>, callback?: Callback): unknown;
}

interface UrllibResult {
  data: unknown;
  status: number;
  headers: IncomingHttpHeaders;
  res: IncomingMessage;
}

function signalOf(ctx: unknown): AbortSignal | undefined {
  const signal = (ctx as { signal?: unknown } | undefined)?.signal;
  return signal instanceof AbortSignal ? signal : undefined;
}

/**
 * urllib with cancellation: a request whose options carry `ctx: { signal }` (ali-oss passes `ctx`
 * through to urllib untouched) is torn down the moment the signal aborts, and fails with the signal's
 * reason. ali-oss has no cancel of its own for a single request; without this a paused or cancelled
 * upload would let its PUT run on and land in the bucket.
 */
export function abortableUrllib(inner: Urllib): Urllib {
  return {
    request(url, args, callback) {
      const signal = signalOf(args?.ctx);
      if (callback || !signal) return inner.request(url, args, callback);
      return new Promise<UrllibResult>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason as Error);
          return;
        }
        let settled = false;
        const onAbort = (): void => {
          if (settled) return;
          settled = true;
          (req as { abort?: () => void } | undefined)?.abort?.();
          reject(signal.reason as Error);
        };
        // urllib's callback form returns the live request synchronously; its promise form does not.
        const req = inner.request(url, args, (error, data, res) => {
          signal.removeEventListener('abort', onAbort);
          if (settled) return;
          settled = true;
          if (error) reject(error);
          else resolve({ data, status: res.statusCode ?? 0, headers: res.headers, res });
        });
        if (!settled) signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
