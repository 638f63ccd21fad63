import { randomBytes } from 'node:crypto';
import type { Keychain } from '../credentials/keychain.ts';
import { linkSigningAccount } from '../credentials/keychain.ts';
import type { StsBroker } from '../credentials/stsBroker.ts';
import { DEFAULT_STS_ENDPOINT, stsUrl } from '../credentials/stsClient.ts';
import { sourceOf } from '../credentials/sources/index.ts';
import type { Network } from '../network/network.ts';
import { FerryError } from '../errors/ferryError.ts';
import { toUserError } from '../errors/userError.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Surface } from '../i18n/text.ts';
import { classifyOssError, classifyOssResponse } from '../oss/classifyError.ts';
import { presignGet } from '../oss/ossClient.ts';
import type { Clock } from '../time/clock.ts';
import type { Profile } from '../profile/profileModel.ts';
import { expandPrefix, stablePrefix } from './prefixTemplate.ts';
import { StsBadReplyError } from '../credentials/stsErrors.ts';

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

/** A step that did not fail but did not happen either (with the reason shown to the user). */
class Skip extends Error {
  constructor(readonly reason?: FerryError) {
    super('skipped');
  }
}

const ORDER: StepId[] = ['keychain', 'sts-reachable', 'assume-role', 'bucket', 'write', 'link', 'cleanup'];


/**
 * "Test connection": each step in order, stopping at the first failure, which is named with a
 * plain-language reason. Leaves nothing behind (the test object is deleted when allowed).
 */
export async function runConnectionTest(profile: Profile, deps: ConnectionTestDeps): Promise<{ ok: boolean; steps: StepResult[]; uploadOnly?: boolean }> {
  const steps: StepResult[] = ORDER.map((id) => ({ id, status: 'pending' }));
  const key = `${expandPrefix(profile.prefixTemplate, { user: deps.user, now: deps.clock.now() })}ferry-connection-test-${randomBytes(6).toString('hex')}.txt`;
  const body = `Ferry connection test ${randomBytes(8).toString('hex')}`;
  let written = false;
  let uploadOnly: boolean | undefined;
  const source = sourceOf(profile.credentialSource);
  const client = async (purpose: 'upload' | 'share' | 'manage') =>
    deps.network.ossClient(profile, await deps.broker.get(profile.id, purpose), { clockOffsetMs: deps.broker.clockOffsetMs(), timeoutMs: 20_000 });

  const run: Record<StepId, () => Promise<void>> = {
    keychain: async () => {
      if (!(await source.checkPresent(profile, deps))) throw new Skip();
      if (profile.hasLinkSigningKey) await deps.keychain.read(linkSigningAccount(profile.id));
    },
    'sts-reachable': async () => {
      if (!source.signsAtSts(deps.env)) throw new Skip();
      const response = await deps.network.fetch(stsUrl(profile.stsEndpoint ?? DEFAULT_STS_ENDPOINT), {
        method: 'GET',
        signal: AbortSignal.timeout(15_000),
        redirect: 'error',
      });
      const text = await response.text();
      let json: { RequestId?: unknown } | undefined;
      try {
        json = JSON.parse(text) as { RequestId?: unknown };
      } catch {
        json = undefined;
      }
      if (!json || typeof json.RequestId !== 'string') throw new StsBadReplyError(response.status);
    },
    'assume-role': async () => {
      deps.broker.invalidate(profile.id);
      await deps.broker.get(profile.id, 'upload');
    },
    bucket: async () => {
      const oss = await client('manage');
      try {
        await oss.list({ prefix: stablePrefix(profile.prefixTemplate, deps.user), 'max-keys': 1 }, {});
      } catch (error) {
        // Denied listing still proves the bucket exists at this endpoint and the signature is right.
        if (classifyOssError(error)?.code !== 'oss.accessDenied') throw error;
      }
    },
    write: async () => {
      const oss = await client('upload');
      await oss.put(key, Buffer.from(body), { mime: 'text/plain' });
      written = true;
    },
    link: async () => {
      const share = await deps.broker.get(profile.id, 'share');
      const oss = deps.network.ossClient(profile, share, { clockOffsetMs: deps.broker.clockOffsetMs() });
      const url = await presignGet(oss, profile, share, key, 300, Date.now() + deps.broker.clockOffsetMs());
      const response = await deps.network.fetch(url, { signal: AbortSignal.timeout(20_000), redirect: 'error' });
      const text = await response.text();
      if (response.ok && text === body) {
        uploadOnly = false;
        return;
      }
      if (response.ok) throw new FerryError('accounts.linkCheckFailed');
      const failure = classifyOssResponse(response.status, text, profile.bucket);
      if (failure.code === 'oss.accessDenied' || failure.code === 'oss.bucketAcl') {
        uploadOnly = true;
        throw new Skip(new FerryError('accounts.uploadOnly'));
      }
      throw failure;
    },
    cleanup: async () => {
      if (!written) throw new Skip();
      try {
        await (await client('manage')).delete(key);
      } catch (error) {
        if (classifyOssError(error)?.code === 'oss.accessDenied') throw new Skip(new FerryError('accounts.cleanupDenied', { key }));
        throw error;
      }
    },
  };

  let failed = false;
  for (const step of steps) {
    if (failed && !(step.id === 'cleanup' && written)) {
      step.status = 'skipped';
      continue;
    }
    try {
      await run[step.id]();
      step.status = 'ok';
    } catch (error) {
      if (error instanceof Skip) {
        step.status = 'skipped';
        if (error.reason) step.error = toUserError(error.reason, deps.lang, deps.surface);
      } else {
        step.status = 'failed';
        step.error = toUserError(error, deps.lang, deps.surface);
        failed = true;
      }
    }
    deps.progress(steps.map((s) => ({ ...s })));
  }
  return { ok: !failed, steps, ...(uploadOnly !== undefined ? { uploadOnly } : {}) };
}
