import type { Keychain } from '../credentials/keychain.ts';
import type { StsBroker } from '../credentials/stsBroker.ts';
import type { Network } from '../network/network.ts';
import { toUserError } from '../errors/userError.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Surface } from '../i18n/text.ts';
import type { Clock } from '../time/clock.ts';
import type { Profile } from '../profile/profileModel.ts';
import { Skip, startTestRun, STEPS, type TestRun } from './connectionTestSteps.ts';

export type StepId = 'keychain' | 'sts-reachable' | 'assume-role' | 'bucket' | 'write' | 'link' | 'cleanup';
export interface StepResult {
  id: StepId;
  status: 'pending' | 'ok' | 'failed' | 'skipped';
  error?: { code: string; message: string };
}

export interface ConnectionTestDeps {
  keychain: Keychain;
  broker: StsBroker;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  network: Network;
  user: string;
  lang: Lang;
  /** Where the steps' errors are shown (their advice differs: click or type). */
  surface?: Surface;
  progress(steps: StepResult[]): void;
}

const ORDER: StepId[] = ['keychain', 'sts-reachable', 'assume-role', 'bucket', 'write', 'link', 'cleanup'];

/**
 * "Test connection": each step in order, stopping at the first failure, which is named with a
 * plain-language reason. Leaves nothing behind (the test object is deleted when allowed).
 */
export async function runConnectionTest(profile: Profile, deps: ConnectionTestDeps): Promise<{ ok: boolean; steps: StepResult[]; uploadOnly?: boolean }> {
  const run = startTestRun(profile, deps);
  const steps: StepResult[] = ORDER.map((id) => ({ id, status: 'pending' }));
  let failed = false;
  for (const step of steps) {
    // After a failure only the cleanup of an object already written still runs.
    if (failed && !(step.id === 'cleanup' && run.written)) {
      step.status = 'skipped';
      continue;
    }
    if (!(await runStep(step, run))) failed = true;
    deps.progress(steps.map((s) => ({ ...s })));
  }
  return { ok: !failed, steps, ...(run.uploadOnly !== undefined ? { uploadOnly: run.uploadOnly } : {}) };
}

/** Runs one step and records its outcome on `step`; false when it failed. */
async function runStep(step: StepResult, run: TestRun): Promise<boolean> {
  try {
    await STEPS[step.id](run);
    step.status = 'ok';
    return true;
  } catch (error) {
    if (!(error instanceof Skip)) {
      step.status = 'failed';
      step.error = toUserError(error, run.deps.lang, run.deps.surface);
      return false;
    }
    step.status = 'skipped';
    if (error.reason) step.error = toUserError(error.reason, run.deps.lang, run.deps.surface);
    return true;
  }
}
