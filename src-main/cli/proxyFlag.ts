import { UsageError } from './command.ts';
import { PROXY_FLAG } from './args.ts';

/**
 * Checks `--proxy URL` (a bare host:port means http://). A login is refused: the command line is visible
 * to other users of the computer, so it belongs in HTTPS_PROXY.
 */
export function checkedProxyFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value.startsWith('-')) throw new UsageError('cli.usage.needsValue', { flag: PROXY_FLAG });
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    throw new UsageError('cli.usage.proxyInvalid');
  }
  if (url.username || url.password) throw new UsageError('cli.usage.proxyNoPassword');
  if (!/^https?:$/.test(url.protocol) || !url.hostname) throw new UsageError('cli.usage.proxyInvalid');
  return url.href;
}
