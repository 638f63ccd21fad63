import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';
import { FerryError } from '../../errors/ferryError.ts';

type NetworkChannels = 'network.test' | 'network.proxyLogin';

const PROXY_LOGIN_FAILURES = new Set(['oss.proxyLoginNeeded', 'oss.proxyLoginWrong']);

export function networkHandlers(services: Services): Pick<HandlerTable, NetworkChannels> {
  return {
    'network.test': async ({ setting }, ctx) => {
      const active = await services.accounts.active();
      if (!active) throw new FerryError('accounts.noActiveProfile');
      return services.appNetwork.through(setting, () => services.accounts.test(active.id, ctx.lang));
    },
    'network.proxyLogin': async ({ proxy, user, password }) => {
      await services.appNetwork.saveLogin(proxy, { user, password });
      // Uploads the proxy stopped for want of a login start again with it.
      for (const item of await services.uploads.list()) {
        if (item.state === 'failed' && item.error && PROXY_LOGIN_FAILURES.has(item.error.code)) services.uploads.retry(item.id);
      }
      return {};
    },
  };
}
