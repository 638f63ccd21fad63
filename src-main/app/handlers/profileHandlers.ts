import { promises as fs } from 'node:fs';
import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { parseConnection } from '../../accounts/connection.ts';
import { destinationsOf } from '../../accounts/destinations.ts';
import { text } from '../../i18n/text.ts';
import { HeldKeys } from '../../accounts/heldKeys.ts';
import { accessKeyFromFile, accessKeyFromText, type AccessKeyPair } from '../../credentials/accessKeyText.ts';
import { maskKeyId } from '../../credentials/keyShape.ts';
import { KEY_FILE_LIMIT } from '../../contract/keyFileLimit.ts';
import { currentUserName, expandPrefix, prefixTemplateProblem } from '../../accounts/prefixTemplate.ts';

type Channels =
  | 'profiles.list'
  | 'profiles.save'
  | 'profiles.update'
  | 'profiles.parseConnection'
  | 'profiles.pickConnectionFile'
  | 'profiles.readKey'
  | 'profiles.pickKeyFile'
  | 'profiles.use'
  | 'profiles.remove'
  | 'profiles.destinations'
  | 'profiles.test'
  | 'profiles.tryLocally'
  | 'session.state';

const MAX_CONNECTION_FILE = 64 * 1024;

export function profileHandlers(services: Services): Pick<HandlerTable, Channels> {
  const { accounts } = services;
  const held = new HeldKeys(services.clock);
  const hold = (key: AccessKeyPair) => ({ keyRef: held.hold(key), maskedAccessKeyId: maskKeyId(key.accessKeyId) });
  const user = currentUserName();
  return {
    'profiles.list': () => accounts.list(),
    'profiles.save': async ({ accessKeyRef, ...request }) => {
      if (!accessKeyRef) return accounts.save(request);
      const saved = await accounts.save({ ...request, accessKey: held.get(accessKeyRef) });
      held.release(accessKeyRef);
      return saved;
    },
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
    'profiles.readKey': (request) => {
      if ('text' in request) return hold(accessKeyFromText(request.text));
      if (!request.dropped.bytes) throw new FerryError('credentials.keyFileTooLarge');
      return hold(accessKeyFromFile(request.dropped.bytes));
    },
    'profiles.pickKeyFile': async (_request, ctx) => {
      const picked = await services.ports.dialog.openFiles({
        title: text(ctx.lang, 'accounts.pickKeyFileTitle'),
        filters: [{ name: text(ctx.lang, 'accounts.pickKeyFileFilter'), extensions: ['csv', 'txt'] }],
        multiple: false,
      });
      const file = picked[0];
      if (!file) return null;
      if ((await fs.stat(file)).size > KEY_FILE_LIMIT) throw new FerryError('credentials.keyFileTooLarge');
      return hold(accessKeyFromFile(await fs.readFile(file)));
    },
    'profiles.use': ({ id }) => accounts.use(id),
    'profiles.remove': ({ id }) => accounts.remove(id),
    'profiles.destinations': ({ prefixTemplate, ...fields }) => ({
      destinations: destinationsOf(fields, services.env),
      ...(prefixTemplate !== undefined && !prefixTemplateProblem(prefixTemplate)
        ? { folder: expandPrefix(prefixTemplate, { user, now: services.clock.now() }).replace(/\/+$/, '') }
        : {}),
    }),
    'profiles.test': ({ id }, ctx) => accounts.test(id, ctx.lang),
    'profiles.tryLocally': () => accounts.tryLocally(),
    'session.state': (_request, ctx) => accounts.sessionState(ctx.lang),
  };
}
