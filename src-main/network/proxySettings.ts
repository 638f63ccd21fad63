/**
 * Which proxy Ferry's requests use. `system`: ask `resolveProxy` per URL (the app answers from the
 * operating system's settings and PAC files, the CLI from HTTPS_PROXY/HTTP_PROXY/NO_PROXY); `none`:
 * always direct; `fixed`: this proxy, except for hosts in `noProxy` (NO_PROXY rules).
 */
export type ProxySettings = { mode: 'system' } | { mode: 'none' } | { mode: 'fixed'; url: string; noProxy?: readonly string[] };

/** The proxy for one request URL (`http://user:pass@host:port`), or undefined to connect directly. */
export type ResolveProxy = (url: string) => Promise<string | undefined> | string | undefined;

export interface NetworkSettings {
  proxy: ProxySettings;
  /** Used in `system` mode; without it, `system` connects directly. */
  resolveProxy?: ResolveProxy;
}

/** A proxy address safe to show or log: scheme, host and port, never the user name or password. */
export function proxyLabel(proxy: URL): string {
  return proxy.host;
}
