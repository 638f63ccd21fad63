import type { z } from 'zod';
import type { NetworkSettingSchema } from '../contract/network.ts';
import { FerryError } from '../errors/ferryError.ts';
import type { EventSink } from '../ports/uiPorts.ts';
import type { ProxyResolver } from '../ports/proxyResolver.ts';
import { createNetwork, type Network, type ProxySettings } from './network.ts';
import { resolveWith } from './pacResult.ts';
import { proxyAddress } from './proxyAddress.ts';
import { classifyProxyError, ProxyFailure } from './proxyFailure.ts';
import type { ProxyLogins } from './proxyLogins.ts';
import type { ProxyLogin } from './proxySettings.ts';
import { SwitchableNetwork } from './switchableNetwork.ts';

export type NetworkSetting = z.output<typeof NetworkSettingSchema>;

/** The setting with a "This proxy" address checked and written as http(s)://host:port. */
export function checkedNetworkSetting(setting: NetworkSetting): NetworkSetting {
  return setting.mode === 'fixed' ? { mode: 'fixed', url: proxyAddress(setting.url) } : setting;
}

export interface AppNetworkDeps {
  settings: { get(): Promise<{ network: NetworkSetting }>; onChange(listener: (settings: { network: NetworkSetting }) => void): unknown };
  logins: ProxyLogins;
  events: EventSink;
  /** The system's proxy settings (Electron's session.resolveProxy, or a PAC file); without it "system" is direct. */
  resolver?: ProxyResolver | undefined;
  /** Root certificates to trust (trustedCertificates()); Node's defaults when absent. */
  ca?: readonly string[] | undefined;
}

/**
 * The app's network, built from the network setting: services hold `network` (switchable), which a
 * change of the setting rebuilds for later requests. Proxies that ask for a login are announced to the
 * window (network.proxyLoginNeeded); the login the user gives is checked with the proxy, then kept.
 */
export class AppNetwork {
  readonly network = new SwitchableNetwork(createNetwork());
  /** Proxies (host:port) that asked for a login, with a host Ferry was reaching through them. */
  private readonly asked = new Map<string, string>();
  private applied = '';

  constructor(private readonly deps: AppNetworkDeps) {}

  async start(): Promise<void> {
    this.apply((await this.deps.settings.get()).network);
    this.deps.settings.onChange(({ network }) => this.apply(network));
  }

  private apply(setting: NetworkSetting): void {
    const key = JSON.stringify(setting);
    if (key === this.applied) return;
    this.applied = key;
    this.network.use(this.build(setting));
  }

  build(setting: NetworkSetting): Network {
    let proxy: ProxySettings;
    try {
      proxy = setting.mode === 'fixed' ? { mode: 'fixed', url: proxyAddress(setting.url) } : { mode: 'system' };
    } catch {
      proxy = { mode: 'system' }; // a hand-edited settings file with an address that is not one
    }
    // "No proxy" is "system" answering DIRECT for every URL: so every network has routing agents, which
    // the switchable network's clients move to when the setting changes.
    const resolver = setting.mode === 'none' ? undefined : this.deps.resolver;
    return createNetwork({
      proxy,
      ...(resolver ? { resolveProxy: resolveWith(resolver) } : {}),
      ...(this.deps.ca ? { ca: this.deps.ca } : {}),
      proxyLogin: (address) => this.deps.logins.get(address),
      onProxyFailure: (failure) => this.proxyFailed(failure),
    });
  }

  /** Runs `task` (a connection test) through `setting`, not saved; everything else keeps the current network. */
  async through<T>(setting: NetworkSetting, task: () => Promise<T>): Promise<T> {
    const trial = this.build(checkedNetworkSetting(setting));
    try {
      return await this.network.through(trial, task);
    } finally {
      void trial.close();
    }
  }

  private proxyFailed({ problem, proxy, host }: { problem: string; proxy: string; host: string }): void {
    if (problem !== 'loginNeeded' && problem !== 'loginWrong') return;
    this.asked.set(proxy, host);
    this.deps.events.emit('network.proxyLoginNeeded', { proxy, wrong: problem === 'loginWrong' });
  }

  /**
   * The login the user typed for a proxy that asked: tried with the proxy first (a CONNECT to the host
   * Ferry was reaching), and kept in the keychain only when the proxy accepts it.
   */
  async saveLogin(proxy: string, login: ProxyLogin): Promise<void> {
    const asked = this.asked.get(proxy);
    if (!asked) throw new FerryError('network.proxyDidNotAsk', { proxy });
    const host = /:\d+$/.test(asked) ? asked : `${asked}:443`;
    const probe = createNetwork({
      proxy: { mode: 'fixed', url: `http://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@${proxy}` },
      ...(this.deps.ca ? { ca: this.deps.ca } : {}),
    });
    try {
      await probe.fetch(`http://${host}/`, { method: 'HEAD', signal: AbortSignal.timeout(15_000), redirect: 'manual' });
    } catch (error) {
      if (error instanceof ProxyFailure && (error.problem === 'loginWrong' || error.problem === 'loginNeeded')) {
        throw new FerryError('oss.proxyLoginWrong', { proxy, host }, { cause: error });
      }
      // A proxy that cannot be reached or fails says nothing about the login: that is the error then.
      if (error instanceof ProxyFailure && error.problem !== 'blocked') throw classifyProxyError(error) ?? error;
      // Anything past the login check (the server's answer or failure, a blocked host) means the proxy took it.
    } finally {
      void probe.close();
    }
    await this.deps.logins.save(proxy, login);
    this.asked.delete(proxy);
  }
}
