import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';
import { managedSettingsView } from '../../policy/managedSettingsView.ts';
import { checkedNetworkSetting } from '../../network/appNetwork.ts';

type AppChannels = 'app.info' | 'app.ping' | 'settings.get' | 'settings.update' | 'app.takeNavigation' | 'app.managedSettings';

export function appHandlers(services: Services): Pick<HandlerTable, AppChannels> {
  return {
    'app.info': async () => ({
      name: 'Ferry',
      version: services.appVersion,
      platform: process.platform,
      lang: await services.lang(),
    }),
    'app.ping': ({ text }) => ({ text: `pong: ${text}`, receivedAt: services.clock.now() }),
    'settings.get': () => services.settings.get(),
    'settings.update': async (patch) => {
      const next = await services.settings.update(patch.network ? { ...patch, network: checkedNetworkSetting(patch.network) } : patch);
      services.ports.events.emit('settings.changed', next);
      return next;
    },
    'app.takeNavigation': () => services.navigation.take(),
    'app.managedSettings': (_request, ctx) => managedSettingsView(services.policy, ctx.lang),
  };
}
