/**
 * Which proxy Ferry's requests use. `system`: ask `resolveProxy` per URL (the app answers from the
 * operating system's settings and PAC files, the CLI from HTTPS_PROXY/HTTP_PROXY/NO_PROXY); `none`:
 * always direct; `fixed`: this proxy, except for hosts in `noProxy` (NO_PROXY rules).
 */
export type ProxySettings = { mode: 'system' } | { mode: 'none' } | { mode: 'fixed'; url: string; noProxy?: readonly string[] };

/** The proxy for one request URL (`http://user:pass@host:port`), or undefined to connect directly. */
export type ResolveProxy = (url: string) => Promise<string | undefined> | string | undefined;

/** A proxy's user name and password (the app keeps them in the keychain, per proxy host:port). */
export interface ProxyLogin {
  user: string;
  password: string;
}

export interface NetworkSettings {
  proxy: ProxySettings;
  /** Used in `system` mode; without it, `system` connects directly. */
  resolveProxy?: ResolveProxy;
  /** The login for a proxy (host:port) whose address carries none. */
  proxyLogin?: (proxy: string) => Promise<ProxyLogin | undefined>;
  /** Told of every failure of the proxy itself (the app asks for a login on loginNeeded/loginWrong). */
  onProxyFailure?: (failure: { problem: string; proxy: string; host: string }) => void;
  /** Root certificates to trust instead of Node's defaults (trustedCertificates()); Node's when absent. */
  ca?: readonly string[];
}

/** A proxy address safe to show or log: scheme, host and port, never the user name or password. */
export function proxyLabel(proxy: URL): string {
  return proxy.host;
}
