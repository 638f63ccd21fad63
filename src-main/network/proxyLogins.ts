import type { Keychain } from '../credentials/keychain.ts';
import type { ProxyLogin } from './proxySettings.ts';

export const proxyLoginAccount = (proxy: string): string => `proxy:${proxy}`;

/**
 * Proxy logins, kept in the keychain under `proxy:<host:port>` (never in settings, logs or the window)
 * and read once per proxy. A keychain that cannot be read counts as no login (the proxy then asks).
 */
export class ProxyLogins {
  private readonly known = new Map<string, Promise<ProxyLogin | undefined>>();

  constructor(private readonly keychain: Pick<Keychain, 'read' | 'write'>) {}

  get(proxy: string): Promise<ProxyLogin | undefined> {
    let login = this.known.get(proxy);
    if (!login) {
      login = this.keychain.read(proxyLoginAccount(proxy)).then(
        (stored) => (stored?.kind === 'proxy-login' ? { user: stored.user, password: stored.password } : undefined),
        () => (this.known.delete(proxy), undefined),
      );
      this.known.set(proxy, login);
    }
    return login;
  }

  async save(proxy: string, login: ProxyLogin): Promise<void> {
    await this.keychain.write(proxyLoginAccount(proxy), { v: 1, kind: 'proxy-login', ...login });
    this.known.set(proxy, Promise.resolve(login));
  }
}
