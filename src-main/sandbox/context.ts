import type { Directory } from './iam/directory.ts';
import type { SandboxClock } from './sandboxClock.ts';
import type { TokenAuthority } from './sts/tokens.ts';

/** Everything a request handler needs, built once by startSandbox. */
export interface SandboxContext {
  directory: Directory;
  tokens: TokenAuthority;
  clock: SandboxClock;
}

export const MAX_SKEW_MS = 15 * 60 * 1000;
