/** Why an upload job stopped on purpose. */
export type StopReason = 'pause' | 'cancel' | 'shutdown';

export class StoppedError extends Error {
  override name = 'StoppedError';
  constructor(readonly reason: StopReason) {
    super(`upload ${reason}`);
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof StoppedError ? signal.reason : new StoppedError('cancel');
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
