import { fetch as undiciFetch, ProxyAgent } from 'undici';
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
 * Node's built-in fetch may bundle another undici whose dispatchers don't mix with this one's.
 */
export function createProxiedFetch(): { fetch(url: string, init: RequestInit, proxy: URL): Promise<Response>; close(): Promise<void> } {
  const agents = new Map<string, ProxyAgent>();
  return {
    async fetch(url, init, proxy) {
      let dispatcher = agents.get(proxy.href);
      if (!dispatcher) agents.set(proxy.href, (dispatcher = new ProxyAgent(proxy.href)));
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
      await Promise.all([...agents.values()].map((agent) => agent.close()));
    },
  };
}
