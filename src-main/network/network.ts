import type OSS from 'ali-oss';
import type { Profile } from '../profile/profileModel.ts';
import type { OssCredentials } from '../credentials/types.ts';
import { NetworkFailure } from '../oss/classifyError.ts';
import { createOssClient, type OssClientOptions } from '../oss/ossClient.ts';
import { bypassesProxy } from './noProxy.ts';
import { ProxyRoutingAgent, type PickProxy } from './proxyAgent.ts';
import { createProxiedFetch } from './proxiedFetch.ts';
import { ProxyFailure } from './proxyFailure.ts';
import type { NetworkSettings } from './proxySettings.ts';

export type { NetworkSettings, ProxyLogin, ProxySettings, ResolveProxy } from './proxySettings.ts';

/** The one maker of network clients: OSS clients (ali-oss) and plain HTTP requests (STS, token service, link checks). */
export interface Network {
  ossClient(profile: Profile, credentials: OssCredentials, options?: OssClientOptions): OSS;
  /** fetch(), with socket/DNS/TLS failures wrapped so messages can name the host. */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Keeps no idle connections: they close now, busy ones when their request is done. */
  close(): Promise<void>;
}

const routing = new WeakMap<Network, { agent: ProxyRoutingAgent; httpsAgent: ProxyRoutingAgent }>();

/** The agents a network's OSS clients connect with (none: ali-oss's own, direct). */
export function routingAgentsOf(network: Network): { agent: ProxyRoutingAgent; httpsAgent: ProxyRoutingAgent } | undefined {
  return routing.get(network);
}

/** The proxy for `url` under `settings` (with its login, if it has one), or undefined for a direct connection. */
export function proxyPicker(settings: NetworkSettings): PickProxy {
  const { proxy } = settings;
  const withLogin = async (address: string): Promise<URL> => {
    const url = new URL(address);
    if (url.username || !settings.proxyLogin) return url;
    const login = await settings.proxyLogin(url.host);
    if (login) [url.username, url.password] = [encodeURIComponent(login.user), encodeURIComponent(login.password)];
    return url;
  };
  return async (url) => {
    if (proxy.mode === 'none') return undefined;
    if (proxy.mode === 'fixed') return bypassesProxy(new URL(url), proxy.noProxy ?? []) ? undefined : withLogin(proxy.url);
    const chosen = await settings.resolveProxy?.(url);
    return chosen ? withLogin(chosen) : undefined;
  };
}

/**
 * Every request to OSS, STS, a token service and a link check is made here, through the proxy the
 * settings choose per URL; when a proxy applies, nothing connects directly.
 */
export function createNetwork(settings: NetworkSettings = { proxy: { mode: 'none' } }): Network {
  const direct = settings.proxy.mode === 'none';
  const pick = proxyPicker(settings);
  const options = { ca: settings.ca, onFailure: settings.onProxyFailure };
  const agents = direct && !settings.ca ? undefined : { agent: new ProxyRoutingAgent(pick, false, options), httpsAgent: new ProxyRoutingAgent(pick, true, options) };
  const proxied = createProxiedFetch(settings.ca);
  const network: Network = {
    ossClient: (profile, credentials, options) => createOssClient(profile, credentials, { ...options, ...agents }),
    async fetch(url, init) {
      try {
        const proxy = direct ? undefined : await pick(url);
        return await (proxy || settings.ca ? proxied.fetch(url, init, proxy) : fetch(url, init));
      } catch (error) {
        if (error instanceof ProxyFailure) {
          settings.onProxyFailure?.(error);
          throw error;
        }
        throw new NetworkFailure(new URL(url).host, error);
      }
    },
    async close() {
      agents?.agent.closeIdle();
      agents?.httpsAgent.closeIdle();
      await proxied.close();
    },
  };
  if (agents) routing.set(network, agents);
  return network;
}
