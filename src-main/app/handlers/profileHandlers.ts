import { promises as fs } from 'node:fs';
import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { parseConnection } from '../../accounts/connection.ts';
import { destinationsOf } from '../../accounts/destinations.ts';
import { text } from '../../i18n/text.ts';

type Channels =
  | 'profiles.list'
  | 'profiles.save'
  | 'profiles.update'
  | 'profiles.parseConnection'
  | 'profiles.pickConnectionFile'
  | 'profiles.use'
  | 'profiles.remove'
  | 'profiles.destinations'
  | 'profiles.test'
  | 'profiles.tryLocally'
  | 'session.state';

const MAX_CONNECTION_FILE = 64 * 1024;

export function profileHandlers(services: Services): Pick<HandlerTable, Channels> {
  const { accounts } = services;
  return {
    'profiles.list': () => accounts.list(),
    'profiles.save': (request) => accounts.save(request),
    'profiles.update': ({ id, patch }) => accounts.update(id, patch),
    'profiles.parseConnection': ({ text }) => parseConnection(text),
    'profiles.pickConnectionFile': async (_request, ctx) => {
      const picked = await services.ports.dialog.openFiles({
        title: text(ctx.lang, 'accounts.pickConnectionTitle'),
        filters: [{ name: text(ctx.lang, 'accounts.pickConnectionFilter'), extensions: ['json'] }],
        multiple: false,
      });
      const file = picked[0];
      if (!file) return null;
      const stat = await fs.stat(file);
      if (stat.size > MAX_CONNECTION_FILE) throw new FerryError('accounts.connectionTooLarge');
      return parseConnection(await fs.readFile(file, 'utf8'));
    },
    'profiles.use': ({ id }) => accounts.use(id),
    'profiles.remove': ({ id }) => accounts.remove(id),
    'profiles.destinations': (fields) => ({ destinations: destinationsOf(fields, services.env) }),
    'profiles.test': ({ id }, ctx) => accounts.test(id, ctx.lang),
    'profiles.tryLocally': () => accounts.tryLocally(),
    'session.state': (_request, ctx) => accounts.sessionState(ctx.lang),
  };
}
