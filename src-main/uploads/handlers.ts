import type { HandlerTable, Handler } from '../app/dispatch.ts';
import type { InvokeChannel } from '../contract.ts';
import type { Services } from '../app/services.ts';
import { FerryError } from '../errors/ferryError.ts';

// Placeholder until the uploads service lands: every call answers with a plain-language failure.
type Channels = 'uploads.add' | 'uploads.pick' | 'uploads.fromClipboard' | 'uploads.list' | 'uploads.pause' | 'uploads.resume' | 'uploads.cancel' | 'uploads.retry' | 'uploads.pauseAll' | 'uploads.resumeAll' | 'uploads.cancelAll' | 'uploads.clearFinished';
const notReady = (): Handler<InvokeChannel> => () => { throw new FerryError('app.unexpected'); };

export function uploadHandlers(_services: Services): Pick<HandlerTable, Channels> {
  return {
    'uploads.add': notReady(),
    'uploads.pick': notReady(),
    'uploads.fromClipboard': notReady(),
    'uploads.list': notReady(),
    'uploads.pause': notReady(),
    'uploads.resume': notReady(),
    'uploads.cancel': notReady(),
    'uploads.retry': notReady(),
    'uploads.pauseAll': notReady(),
    'uploads.resumeAll': notReady(),
    'uploads.cancelAll': notReady(),
    'uploads.clearFinished': notReady(),
  } as Pick<HandlerTable, Channels>;
}
