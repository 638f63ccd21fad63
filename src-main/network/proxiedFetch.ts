import { Agent, type Dispatcher, fetch as undiciFetch, ProxyAgent } from 'undici';
import { ProxyFailure, problemFromStatus } from './proxyFailure.ts';
import { proxyLabel } from './proxySettings.ts';

const REFUSED = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN/;

/** Codes and messages of an error and its causes (undici nests the socket error). */
function chain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    parts.push(String(e.code ?? ''), String(e.message ?? ''));
    current = e.cause;
  }
  return parts.join(' ');
}

/**
 * fetch() through an HTTP proxy (a CONNECT tunnel for http and https alike), with undici's own fetch:
 * Node's built-in fetch may bundle another undici whose dispatchers don't mix with this one's. Without a
 * proxy, it is the direct fetch for a network with its own root certificates (`ca`).
 */
export function createProxiedFetch(ca?: readonly string[]): { fetch(url: string, init: RequestInit, proxy?: URL): Promise<Response>; close(): Promise<void> } {
  const agents = new Map<string, Dispatcher>();
  const tls = ca ? { ca: [...ca] } : undefined;
  return {
    async fetch(url, init, proxy) {
      const name = proxy?.href ?? 'direct';
      let dispatcher = agents.get(name);
      if (!dispatcher) agents.set(name, (dispatcher = proxy ? new ProxyAgent({ uri: proxy.href, ...(tls ? { requestTls: tls } : {}) }) : new Agent(tls ? { connect: tls } : {})));
      if (!proxy) return (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;
      try {
        return (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;
      } catch (error) {
        const text = chain(error);
        const status = /Proxy response \((\d{3})\)/.exec(text)?.[1];
        const host = new URL(url).host;
        if (status) throw new ProxyFailure(problemFromStatus(Number(status), Boolean(proxy.username || proxy.password)), proxyLabel(proxy), host, error);
        if (REFUSED.test(text) && !/TLS|certificate|CERT_/i.test(text)) throw new ProxyFailure('refused', proxyLabel(proxy), host, error);
        throw error;
      }
    },
    async close() {
      const open = [...agents.values()];
      agents.clear(); // a later request opens new ones
      await Promise.all(open.map((agent) => agent.close()));
    },
  };
}
