import type { ProxyResolver } from '../ports/proxyResolver.ts';
import type { ResolveProxy } from './proxySettings.ts';

/**
 * The proxy a PAC result names first ("PROXY h:p" or "HTTP h:p" → http://h:p, "HTTPS h:p" →
 * https://h:p), or undefined for DIRECT. SOCKS entries are passed over: Ferry speaks HTTP CONNECT only.
 */
export function proxyFromPacResult(result: string): string | undefined {
  for (const entry of result.split(';')) {
    const [kind = '', address] = entry.trim().split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return undefined;
    if ((type === 'PROXY' || type === 'HTTP') && address) return `http://${address}`;
    if (type === 'HTTPS' && address) return `https://${address}`;
  }
  return undefined;
}

/** A ResolveProxy for createNetwork that asks the resolver port per URL. */
export function resolveWith(resolver: ProxyResolver): ResolveProxy {
  return async (url) => proxyFromPacResult(await resolver.resolveProxy(url));
}
