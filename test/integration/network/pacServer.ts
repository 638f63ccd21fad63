import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeWhenTestEnds } from '../../support/integrationHarness.ts';

/** A PAC file served over HTTP on 127.0.0.1, as an office's proxy auto-config; counts how often it was fetched. */
export async function servePac(script: string): Promise<{ url: string; fetched: () => number; close(): Promise<void> }> {
  let fetched = 0;
  const server = createServer((_req, res) => {
    fetched += 1;
    res.setHeader('content-type', 'application/x-ns-proxy-autoconfig');
    res.end(script);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return closeWhenTestEnds({
    url: `http://127.0.0.1:${port}/proxy.pac`,
    fetched: () => fetched,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  });
}

/** A PAC script that sends requests to the given host:ports through `proxy` (host:port) and everything else DIRECT. */
export function pacScript(viaProxy: string[], proxy: string): string {
  const tests = viaProxy.map((hostPort) => `shExpMatch(url, "*://${hostPort}/*")`).join(' || ');
  return `function FindProxyForURL(url, host) {\n  if (${tests}) return "PROXY ${proxy}; DIRECT";\n  return "DIRECT";\n}\n`;
}
