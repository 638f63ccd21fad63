import { session } from 'electron';
import type { ProxyResolver } from '../ports/proxyResolver.ts';

/** The system's proxy settings and PAC files, as Chromium resolves them for the default session. */
export const electronProxyResolver: ProxyResolver = {
  resolveProxy: (url) => session.defaultSession.resolveProxy(url),
};
