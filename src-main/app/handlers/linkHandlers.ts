import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';

type Channels =
  | 'links.expiryOptions'
  | 'links.copy'
  | 'links.copyMessage'
  | 'links.list'
  | 'links.copyAgain'
  | 'links.renew'
  | 'links.copyAll'
  | 'links.exportCsv'
  | 'links.stopSharing';

export function linkHandlers(services: Services): Pick<HandlerTable, Channels> {
  const { links } = services;
  return {
    'links.expiryOptions': (request, ctx) => links.expiryOptions(request ?? {}, ctx.lang),
    'links.copy': (request, ctx) => links.service.copy(request, ctx.lang),
    'links.copyMessage': (request, ctx) => links.service.copyMessage(request, ctx.lang),
    'links.list': (request) => links.service.list(request?.filter ?? 'all'),
    'links.copyAgain': ({ id }, ctx) => links.service.copyAgain(id, ctx.lang),
    'links.renew': ({ id, expiry }, ctx) => links.service.renew(id, expiry, ctx.lang),
    'links.copyAll': async ({ ids, objects }, ctx) => ({ count: await links.service.copyAll(ids ?? [], ctx.lang, objects) }),
    'links.exportCsv': ({ ids }, ctx) => links.exportCsv(ids, ctx.lang),
    'links.stopSharing': (request, ctx) => links.stop(request, ctx.lang),
  };
}
