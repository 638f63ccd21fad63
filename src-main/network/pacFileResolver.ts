import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import type { ProxyResolver } from '../ports/proxyResolver.ts';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The ProxyResolver of plain Node: the PAC file at `pacUrl`, fetched once with `fetch` (a direct
 * connection: the PAC file is what says which proxy to use) and run in a QuickJS sandbox (pac-resolver),
 * never in Node itself. A PAC file that cannot be fetched is asked for again by the next request.
 */
export function pacFileResolver(pacUrl: string, fetch: Fetch): ProxyResolver {
  let find: Promise<(url: string) => Promise<string>> | undefined;
  const load = async () => {
    const response = await fetch(pacUrl, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
    if (!response.ok) throw new Error(`PAC file answered ${response.status}`);
    const script = await response.text();
    const require = createRequire(import.meta.url);
    const qjs = await QuickJS.create({ wasm: readFileSync(require.resolve('quickjs-wasi/quickjs.wasm')) });
    return createPacResolver(qjs, script);
  };
  return {
    async resolveProxy(url) {
      find ??= load().catch((error: unknown) => {
        find = undefined;
        throw error;
      });
      return (await find)(url);
    },
  };
}
