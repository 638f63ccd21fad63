import type { HandlerTable, Handler } from '../app/dispatch.ts';
import type { InvokeChannel } from '../contract.ts';
import type { Services } from '../app/services.ts';
import { FerryError } from '../errors/ferryError.ts';

// Placeholder until the accounts service lands: every call answers with a plain-language failure.
type Channels = 'profiles.list' | 'profiles.save' | 'profiles.parseConnection' | 'profiles.pickConnectionFile' | 'profiles.use' | 'profiles.remove' | 'profiles.test' | 'profiles.tryLocally' | 'session.state';
const notReady = (): Handler<InvokeChannel> => () => { throw new FerryError('app.unexpected'); };

export function profileHandlers(_services: Services): Pick<HandlerTable, Channels> {
  return {
    'profiles.list': notReady(),
    'profiles.save': notReady(),
    'profiles.parseConnection': notReady(),
    'profiles.pickConnectionFile': notReady(),
    'profiles.use': notReady(),
    'profiles.remove': notReady(),
    'profiles.test': notReady(),
    'profiles.tryLocally': notReady(),
    'session.state': notReady(),
  } as Pick<HandlerTable, Channels>;
}
