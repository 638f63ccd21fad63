import { FerryError } from '../errors/ferryError.ts';

/** What went wrong at the proxy (not at the server behind it). */
export type ProxyProblem = 'refused' | 'loginNeeded' | 'loginWrong' | 'blocked' | 'failed';

/** A failure of the proxy itself; `proxy` is host:port only, never the login. */
export class ProxyFailure extends Error {
  override name = 'ProxyFailure';
  constructor(
    readonly problem: ProxyProblem,
    readonly proxy: string,
    readonly host: string,
    cause?: unknown,
  ) {
    super(`proxy ${proxy}: ${problem} (talking to ${host})`, { cause });
  }
}

/** The proxy's answer to CONNECT, read as a problem. tinyproxy answers a wrong login with 401, not 407. */
export function problemFromStatus(status: number, sentLogin: boolean): ProxyProblem {
  if (status === 407 || status === 401) return sentLogin ? 'loginWrong' : 'loginNeeded';
  if (status === 403) return 'blocked';
  return 'failed';
}

const CODES: Record<ProxyProblem, string> = {
  refused: 'oss.proxyRefused',
  loginNeeded: 'oss.proxyLoginNeeded',
  loginWrong: 'oss.proxyLoginWrong',
  blocked: 'oss.proxyBlocked',
  failed: 'oss.proxyFailed',
};

/** A ProxyFailure anywhere in the error's `cause` chain (ali-oss and urllib wrap what the agent threw). */
export function classifyProxyError(error: unknown): FerryError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof ProxyFailure) {
      return new FerryError(CODES[current.problem], { proxy: current.proxy, host: current.host }, { cause: error });
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
