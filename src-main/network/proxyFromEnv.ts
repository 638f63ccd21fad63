import type { ResolveProxy } from './proxySettings.ts';
import { bypassesProxy } from './noProxy.ts';

const variable = (env: NodeJS.ProcessEnv, name: string): string => env[name.toLowerCase()] || env[name.toUpperCase()] || '';

/** Whether `--proxy` or any proxy variable is set at all; without one the CLI connects exactly as it always did. */
export function namesAProxy(env: NodeJS.ProcessEnv, override?: string): boolean {
  return Boolean(override || ['https_proxy', 'http_proxy', 'all_proxy'].some((name) => variable(env, name)));
}

/**
 * The CLI's proxy: HTTPS_PROXY for https URLs, HTTP_PROXY for http URLs (lower-case names first, as curl
 * and proxy-from-env read them), ALL_PROXY for both, except hosts in NO_PROXY. `--proxy URL` wins over
 * the proxy variables; NO_PROXY still applies to it.
 */
export function proxyFromEnv(env: NodeJS.ProcessEnv, override?: string): ResolveProxy {
  return (url) => {
    const target = new URL(url);
    const scheme = target.protocol.replace(/:$/, '');
    const proxy = override || variable(env, `${scheme}_proxy`) || variable(env, 'all_proxy');
    if (!proxy) return undefined;
    if (bypassesProxy(target, [variable(env, 'no_proxy')])) return undefined;
    return proxy.includes('://') ? proxy : `http://${proxy}`;
  };
}
