import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';
import { appHandlers } from './appHandlers.ts';
import { profileHandlers } from './profileHandlers.ts';
import { uploadHandlers } from './uploadHandlers.ts';
import { linkHandlers } from './linkHandlers.ts';
import { networkHandlers } from './networkHandlers.ts';
import { bundleHandlers } from './bundleHandlers.ts';

/** The one handler table: registered by ipc.ts in Electron, bound to window.ferry by the e2e harness. */
export function buildHandlerTable(services: Services): HandlerTable {
  return {
    ...appHandlers(services),
    ...profileHandlers(services),
    ...uploadHandlers(services),
    ...linkHandlers(services),
    ...networkHandlers(services),
    ...bundleHandlers(services),
  };
}
