import type { FerryApi } from '../../src-main/contract.ts';

declare global {
  interface Window {
    ferry: FerryApi;
  }
}

/** The preload's window.ferry, typed from the contract (types only: no main-process code in the bundle). */
export const ferry: FerryApi = window.ferry;
