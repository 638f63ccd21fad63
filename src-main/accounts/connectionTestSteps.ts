/**
 * The steps of "Test connection", one function each. They share one TestRun: the test object they write,
 * read back and delete, and what they found out on the way (whether the profile's links work).
 */
import { randomBytes } from 'node:crypto';
import { linkSigningAccount } from '../credentials/keychain.ts';
import { DEFAULT_STS_ENDPOINT, stsUrl } from '../credentials/stsClient.ts';
import { sourceOf, type CredentialSource } from '../credentials/sources/index.ts';
import { StsBadReplyError } from '../credentials/stsErrors.ts';
import { FerryError } from '../errors/ferryError.ts';
import { classifyOssError, classifyOssResponse } from '../oss/classifyError.ts';
import { presignGet } from '../oss/ossClient.ts';
import type { Profile } from '../profile/profileModel.ts';
import type { ConnectionTestDeps, StepId } from './connectionTest.ts';
import { expandPrefix, stablePrefix } from './prefixTemplate.ts';

export interface TestRun {
  readonly profile: Profile;
  readonly deps: ConnectionTestDeps;
  readonly source: CredentialSource;
  /** The test object: a random name in the profile's folder, random content. */
  readonly key: string;
  readonly body: string;
  /** The test object exists (so cleanup runs even after a later failure). */
  written: boolean;
  /** Set by the link step: false when a link read the object back, true when reading is denied. */
  uploadOnly?: boolean;
}

/** A step that did not fail but did not happen either (with the reason shown to the user). */
export class Skip extends Error {
  constructor(readonly reason?: FerryError) {
    super('skipped');
  }
}

export const STEPS: Readonly<Record<StepId, (run: TestRun) => Promise<void>>> = {
  keychain: checkSecretsPresent,
  'sts-reachable': checkStsReachable,
  'assume-role': assumeRole,
  bucket: checkBucket,
  write: writeTestObject,
  link: checkLinkReadsBack,
  cleanup: deleteTestObject,
};

export function startTestRun(profile: Profile, deps: ConnectionTestDeps): TestRun {
  const folder = expandPrefix(profile.prefixTemplate, { user: deps.user, now: deps.clock.now() });
  return {
    profile,
    deps,
    source: sourceOf(profile.credentialSource),
    key: `${folder}ferry-connection-test-${randomBytes(6).toString('hex')}.txt`,
    body: `Ferry connection test ${randomBytes(8).toString('hex')}`,
    written: false,
  };
}

async function ossClientFor(run: TestRun, purpose: 'upload' | 'share' | 'manage') {
  const { broker, network } = run.deps;
  return network.ossClient(run.profile, await broker.get(run.profile.id, purpose), { clockOffsetMs: broker.clockOffsetMs(), timeoutMs: 20_000 });
}

async function checkSecretsPresent({ profile, deps, source }: TestRun): Promise<void> {
  if (!(await source.checkPresent(profile, deps))) throw new Skip();
  if (profile.hasLinkSigningKey) await deps.keychain.read(linkSigningAccount(profile.id));
}

/** Any STS JSON reply (even an error) proves the endpoint is STS and reachable. */
async function checkStsReachable({ profile, deps, source }: TestRun): Promise<void> {
  if (!source.signsAtSts(deps.env, profile.roleArn)) throw new Skip();
  const response = await deps.network.fetch(stsUrl(profile.stsEndpoint ?? DEFAULT_STS_ENDPOINT), {
    method: 'GET',
    signal: AbortSignal.timeout(15_000),
    redirect: 'error',
  });
  if (!hasRequestId(await response.text())) throw new StsBadReplyError(response.status);
}

function hasRequestId(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { RequestId?: unknown } | null)?.RequestId === 'string';
  } catch {
    return false;
  }
}

/** Only a key that signs at STS (or a token service) gets temporary credentials; other sources have nothing to show here. */
async function assumeRole({ profile, deps, source }: TestRun): Promise<void> {
  if (!source.signsAtSts(deps.env, profile.roleArn) && !source.needsTokenService) throw new Skip();
  deps.broker.invalidate(profile.id);
  await deps.broker.get(profile.id, 'upload');
}

async function checkBucket(run: TestRun): Promise<void> {
  try {
    await listOne(run, run.profile);
  } catch (error) {
    if (await needsV1(run, error)) throw new FerryError('accounts.bucketNeedsV1', { bucket: run.profile.bucket }, { cause: error });
    throw error;
  }
}

/** Lists at most one object of the folder; denied listing still proves the bucket exists at this endpoint and the signature is right. */
async function listOne(run: TestRun, profile: Profile): Promise<void> {
  const { broker, network } = run.deps;
  const oss = network.ossClient(profile, await broker.get(profile.id, 'manage'), { clockOffsetMs: broker.clockOffsetMs(), timeoutMs: 20_000 });
  try {
    await oss.list({ prefix: stablePrefix(profile.prefixTemplate, run.deps.user), 'max-keys': 1 }, {});
  } catch (error) {
    if (classifyOssError(error)?.code !== 'oss.accessDenied') throw error;
  }
}

/**
 * An old bucket may refuse V4 signatures (new connections sign V4). When V4 is refused with a bad-argument
 * or signature error and the same request signed V1 gets through, the bucket needs V1: say so plainly.
 */
async function needsV1(run: TestRun, v4Error: unknown): Promise<boolean> {
  const code = (v4Error as { code?: unknown } | null)?.code;
  if (run.profile.signatureVersion !== 'v4' || (code !== 'InvalidArgument' && code !== 'SignatureDoesNotMatch')) return false;
  if (classifyOssError(v4Error)?.code === 'oss.wrongRegion') return false;
  try {
    await listOne(run, { ...run.profile, signatureVersion: 'v1' });
    return true;
  } catch {
    return false;
  }
}

async function writeTestObject(run: TestRun): Promise<void> {
  const oss = await ossClientFor(run, 'upload');
  await oss.put(run.key, Buffer.from(run.body), { mime: 'text/plain' });
  run.written = true;
}

/** Signs a link the way sharing does and reads the test object through it; denied reading means upload-only. */
async function checkLinkReadsBack(run: TestRun): Promise<void> {
  const { profile, deps } = run;
  const share = await deps.broker.get(profile.id, 'share');
  const oss = deps.network.ossClient(profile, share, { clockOffsetMs: deps.broker.clockOffsetMs() });
  const url = await presignGet(oss, profile, share, run.key, 300, Date.now() + deps.broker.clockOffsetMs());
  const response = await deps.network.fetch(url, { signal: AbortSignal.timeout(20_000), redirect: 'error' });
  const text = await response.text();
  if (response.ok && text === run.body) {
    run.uploadOnly = false;
    return;
  }
  if (response.ok) throw new FerryError('accounts.linkCheckFailed');
  const failure = classifyOssResponse(response.status, text, profile.bucket);
  if (failure.code === 'oss.accessDenied' || failure.code === 'oss.bucketAcl') {
    run.uploadOnly = true;
    throw new Skip(new FerryError('accounts.uploadOnly'));
  }
  throw failure;
}

async function deleteTestObject(run: TestRun): Promise<void> {
  if (!run.written) throw new Skip();
  try {
    await (await ossClientFor(run, 'manage')).delete(run.key);
  } catch (error) {
    if (classifyOssError(error)?.code === 'oss.accessDenied') throw new Skip(new FerryError('accounts.cleanupDenied', { key: run.key }));
    throw error;
  }
}
