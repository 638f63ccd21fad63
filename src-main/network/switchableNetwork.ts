import { AsyncLocalStorage } from 'node:async_hooks';
import { routingAgentsOf, type Network } from './network.ts';

/**
 * The Network services hold in the app: it forwards to the current one, which a change of the network
 * setting replaces (the old one closes its idle connections). OSS clients it made follow the change too:
 * their next request connects through the current network's agents (ali-oss reads `client.agent` and
 * `client.httpsAgent` per request), so the uploads' long-lived clients do not keep an old proxy. The
 * current network must have routing agents (AppNetwork builds every network with them). `through` runs a task (the Settings "Test" button's
 * connection test) on another network without changing it for anything else.
 */
export class SwitchableNetwork implements Network {
  private readonly trial = new AsyncLocalStorage<Network>();

  constructor(private current: Network) {}

  private active(): Network {
    return this.trial.getStore() ?? this.current;
  }

  use(next: Network): void {
    const old = this.current;
    this.current = next;
    void old.close();
  }

  through<T>(network: Network, task: () => Promise<T>): Promise<T> {
    return this.trial.run(network, task);
  }

  ossClient(...args: Parameters<Network['ossClient']>): ReturnType<Network['ossClient']> {
    const trial = this.trial.getStore();
    if (trial) return trial.ossClient(...args);
    const client = this.current.ossClient(...args);
    const live = client as unknown as Record<'agent' | 'httpsAgent', unknown>;
    for (const key of ['agent', 'httpsAgent'] as const) {
      const own = live[key];
      Object.defineProperty(live, key, { configurable: true, get: () => routingAgentsOf(this.current)?.[key] ?? own, set: () => undefined });
    }
    return client;
  }

  fetch(url: string, init: RequestInit): Promise<Response> {
    return this.active().fetch(url, init);
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
