/**
 * NO_PROXY matching with the rules of the `proxy-from-env` package (which reads only process.env, while
 * the CLI is handed its env): entries split on commas or spaces; `*` matches every host; an entry may
 * carry `:port`; `.example.com` and `*.example.com` match subdomains only, `example.com` the host and its
 * subdomains. No implicit entries: 127.0.0.1 and localhost go through the proxy unless listed.
 */
export function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return noProxy
    .flatMap((entry) => entry.split(/[,\s]/))
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(.+):(\d+)$/.exec(entry);
      const entryHost = (match?.[1] ?? entry).replace(/^\[|\]$/g, '');
      if (match && Number(match[2]) !== port) return false;
      if (!/^[.*]/.test(entryHost)) return hostname === entryHost || hostname.endsWith(`.${entryHost}`);
      const suffix = entryHost.replace(/^\*/, '');
      return hostname.endsWith(suffix);
    });
}
