import type { HandlerTable, Handler } from '../app/dispatch.ts';
import type { InvokeChannel } from '../contract.ts';
import type { Services } from '../app/services.ts';
import { FerryError } from '../errors/ferryError.ts';

// Placeholder until the links service lands: every call answers with a plain-language failure.
type Channels = 'links.copy' | 'links.copyMessage' | 'links.list' | 'links.copyAgain' | 'links.renew' | 'links.copyAll' | 'links.exportCsv' | 'links.stopSharing';
const notReady = (): Handler<InvokeChannel> => () => { throw new FerryError('app.unexpected'); };

export function linkHandlers(_services: Services): Pick<HandlerTable, Channels> {
  return {
    'links.copy': notReady(),
    'links.copyMessage': notReady(),
    'links.list': notReady(),
    'links.copyAgain': notReady(),
    'links.renew': notReady(),
    'links.copyAll': notReady(),
    'links.exportCsv': notReady(),
    'links.stopSharing': notReady(),
  } as Pick<HandlerTable, Channels>;
}
