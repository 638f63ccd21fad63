import { AsyncLocalStorage } from 'node:async_hooks';
import type { Network } from './network.ts';

/**
 * The Network services hold in the app: it forwards to the current one, which a change of the network
 * setting replaces (the old one closes its idle connections). Clients made earlier keep the network they
 * were made with until they are made again. `through` runs a task (the Settings "Test" button's
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
    return this.active().ossClient(...args);
  }

  fetch(url: string, init: RequestInit): Promise<Response> {
    return this.active().fetch(url, init);
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
