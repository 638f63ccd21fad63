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

// ali-oss rebuilds what urllib reports as a new Error with the same name and message, so the message is
// the one thing that survives: it is read back here.
const MESSAGE = /^proxy (\S+): (refused|loginNeeded|loginWrong|blocked|failed) \(talking to (\S+)\)/;

/** A ProxyFailure anywhere in the error's `cause` chain, or its copy made by ali-oss. */
export function classifyProxyError(error: unknown): FerryError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof ProxyFailure) {
      return new FerryError(CODES[current.problem], { proxy: current.proxy, host: current.host }, { cause: error });
    }
    const copy = current as { name?: unknown; message?: unknown; cause?: unknown };
    const match = copy.name === 'ProxyFailure' && typeof copy.message === 'string' ? MESSAGE.exec(copy.message) : null;
    if (match) return new FerryError(CODES[match[2] as ProxyProblem], { proxy: match[1]!, host: match[3]! }, { cause: error });
    current = copy.cause;
  }
  return undefined;
}
