import type { FerryApi, FerryFailure } from '../../src-main/contract.ts';

declare global {
  interface Window {
    ferry: FerryApi;
  }
}

/** The preload's window.ferry, typed from the contract (types only: no main-process code in the bundle). */
export const ferry: FerryApi = window.ferry;

/** What a rejected call carries; anything else (a bug) becomes a generic failure with no details. */
export function failureOf(error: unknown): FerryFailure {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string') return { code, message };
  }
  return { code: 'app.unexpected', message: '' };
}
