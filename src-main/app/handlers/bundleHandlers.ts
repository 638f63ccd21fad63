import { FerryError } from '../../errors/ferryError.ts';
import { qrPath } from '../../qr/qrPath.ts';
import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';

type Channels = 'bundles.share' | 'bundles.cancel' | 'qr.link';

export function bundleHandlers(services: Services): Pick<HandlerTable, Channels> {
  return {
    'bundles.share': async (request, ctx) => {
      const { link, count } = await services.bundles.share(request, ctx.lang, { link: true, copy: true });
      return { ...link!, count };
    },
    'bundles.cancel': () => ({ changed: services.bundles.cancel() }),
    'qr.link': async ({ id }, ctx) => {
      const [found] = await services.links.service.resignMany([id], ctx.lang);
      if (!found) throw new FerryError('links.entryNotFound');
      if (!found.result) throw new FerryError('links.entryExpired', { name: found.entry.name });
      return { url: found.result.url, name: found.entry.name, expiresAt: found.result.expiresAt, ...qrPath(found.result.url) };
    },
  };
}
