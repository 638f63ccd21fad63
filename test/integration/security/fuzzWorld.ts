/**
 * The state the channel fuzz protects, on Ferry's real services: a "Try it on this computer" profile
 * (its key in the real keychain), a decoy profile, three uploaded objects in the sandbox bucket, a share
 * link in the ledger and a navigation request the page has not taken. `snapshot()` captures all of it —
 * files under FERRY_HOME, the keychain entries of this world's profiles (account names and password
 * hashes only), the bucket listing, the in-memory views, and what the recording ports were asked — with
 * no secret in it, so a diff can be printed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import keytar from '@github/keytar';
import type { Services } from '../../../src-main/app/services.ts';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { KEYCHAIN_SERVICE } from '../../../src-main/credentials/keychain.ts';
import { DEMO_ROLE, type SandboxHandle } from '../../../src-main/sandbox/index.ts';
import type { RecordingPorts } from '../../../src-main/ports/recordingPorts.ts';
import { servicesHarness, tempDir } from '../../support/integrationHarness.ts';
import { assumeRole, ossClient, type Oss } from '../../support/ossClients.ts';
import type { SampleContext } from './validSamples.ts';

export interface FuzzWorld {
  root: string;
  home: string;
  services: Services;
  ports: RecordingPorts;
  sandbox: SandboxHandle;
  ctx: SampleContext;
  /** Strings no reply or message may ever contain (long-term key, keychain entries, local folders). */
  secrets: string[];
  /** Password hash of the sandbox profile's keychain entry at the start. */
  sandboxSecretHash: string;
  /** ETags of the objects uploaded at the start. */
  objectEtags: Map<string, string>;
  snapshot(): Promise<Snapshot>;
  /**
   * Waits until uploads are idle, their files written and no event is still on its way. `eventsBefore`
   * (the event count before the call): when the call emitted nothing and no upload ran, one short look.
   */
  settle(eventsBefore?: number): Promise<void>;
  close(): Promise<void>;
}

/** Named parts, each JSON-serialisable and free of secrets. */
export type Snapshot = Record<string, unknown>;

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Every file and folder under `dir` (content hashes), not descending into folders `skip` names. */
async function fileTree(dir: string, skip: (relative: string) => boolean, base = dir, out: Record<string, string> = {}): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    const relative = path.relative(base, file);
    if (skip(relative)) continue;
    if (entry.isDirectory()) {
      out[relative] = 'dir';
      await fileTree(file, skip, base, out);
    } else {
      out[relative] = entry.isFile() ? sha(await readFile(file)) : 'other';
    }
  }
  return out;
}

/** Made once in a beforeAll, so no test end closes it: the caller does, in afterAll. */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const folder = await tempDir('fuzz');
  const root = folder.dir;
  const home = path.join(root, 'home');
  const files = path.join(root, 'files');
  await mkdir(home);
  await mkdir(files);
  const harness = await servicesHarness({ home });
  const { services, ports } = harness;

  const sandboxView = await services.accounts.tryLocally();
  const sandbox = await services.sandbox.ensure();
  const demo = sandbox.demo!;
  const decoy = await services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Decoy',
      endpoint: 'http://127.0.0.1:9',
      region: 'cn-hangzhou',
      bucket: 'decoy-bucket',
      prefixTemplate: 'shared/{user}/',
      credentialSource: 'env',
      stsEndpoint: 'http://127.0.0.1:9',
    }),
    makeActive: false,
  });

  const paths: string[] = [];
  for (const [name, text] of [['report.txt', 'quarterly numbers'], ['photo.jpg', 'not really a jpeg'], ['notes.md', '# notes']] as const) {
    const file = path.join(files, name);
    await writeFile(file, text);
    paths.push(file);
  }
  const sampleFile = path.join(files, 'sample.txt');
  await writeFile(sampleFile, 'a file the uploads.drop sample sends');
  await services.uploads.add(paths, { source: 'drop' });
  await services.uploads.whenIdle();
  const items = await services.uploads.list('en');
  if (items.length !== 3 || items.some((i) => i.state !== 'done' || !i.objectKey)) {
    throw new Error(`fuzz setup: uploads did not finish: ${items.map((i) => `${i.name}=${i.state}`).join(', ')}`);
  }
  const objectKeys = items.map((i) => i.objectKey!);
  const link = await services.links.service.copy({ objectKey: objectKeys[0]! }, 'en');
  services.navigation.request('links', { profileId: sandboxView.id, objectKey: objectKeys[0]! });

  let admin: Oss | undefined;
  const bucket = async (): Promise<Oss> => {
    if (!admin) {
      const creds = await assumeRole(sandbox, { id: demo.accessKeyId, secret: demo.accessKeySecret }, DEMO_ROLE, { duration: 3600 });
      admin = ossClient(sandbox, creds, { bucket: demo.bucket, v4: true });
    }
    return admin;
  };

  // This world's keychain accounts: other test files may share the keyring, so only ids this world's
  // profiles ever had are compared (a profile id, or `<id>:link-signing`).
  const knownIds = new Set<string>([sandboxView.id, decoy.id]);
  const keychain = async (): Promise<Record<string, string>> => {
    const all = await keytar.findCredentials(KEYCHAIN_SERVICE);
    const mine = all.filter((c) => knownIds.has(c.account.replace(/:link-signing$/, '')));
    return Object.fromEntries(mine.map((c) => [c.account, sha(c.password)]).sort(([a], [b]) => a!.localeCompare(b!)));
  };
  const keychainPasswords = async (): Promise<string[]> =>
    (await keytar.findCredentials(KEYCHAIN_SERVICE)).filter((c) => knownIds.has(c.account)).map((c) => c.password);

  const pendingNavigation = (): unknown => (services.navigation as unknown as { pending?: unknown }).pending ?? '(not readable)';
  const flushFiles = async (): Promise<void> => {
    await services.uploads.history.flush();
    await (services.uploads as unknown as { pending?: { flush(): Promise<void> } }).pending?.flush();
  };

  const snapshot = async (): Promise<Snapshot> => {
    const profiles = await services.accounts.list();
    for (const p of profiles.profiles) knownIds.add(p.id);
    const oss = await bucket();
    const listing = await oss.list({ 'max-keys': 1000 }, {});
    const uploads = await oss.listUploads({ 'max-uploads': 1000 });
    return {
      files: await fileTree(root, (rel) => /^home[/\\](sandbox|logs)([/\\]|$)/.test(rel)),
      keychain: await keychain(),
      bucketObjects: ((listing.objects ?? []) as { name: string; size: number; etag: string }[]).map((o) => [o.name, o.size, o.etag]),
      bucketUploads: ((uploads.uploads ?? []) as { name: string; uploadId: string }[]).map((u) => [u.name, u.uploadId]),
      profiles,
      settings: await services.settings.get(),
      ledger: (await services.links.service.list('all')).entries,
      uploadsList: (await services.uploads.list('en')).map(({ speed: _speed, etaSeconds: _eta, ...rest }) => rest),
      navigation: pendingNavigation(),
      ports: {
        clipboardWrites: ports.clipboard.writes.length,
        clipboardText: sha(ports.clipboard.text),
        dialogCalls: ports.dialog.calls.length,
        // Gone from newer contracts (no page channel opens URLs); counted while a port still records them.
        externalOpened: (ports as { external?: { opened?: unknown[] } }).external?.opened?.length ?? 0,
        windowRequests: ports.window.requests.length,
        notifications: ports.notifications.shown.length,
        trayMenuSets: ports.tray.menuSets,
        events: ports.events.emitted.length,
      },
    };
  };

  const settle = async (eventsBefore?: number): Promise<void> => {
    const running = (await services.uploads.list('en')).some((i) => ['queued', 'uploading', 'verifying'].includes(i.state));
    await services.uploads.whenIdle();
    await flushFiles();
    await new Promise((r) => setTimeout(r, 15));
    if (!running && eventsBefore !== undefined && ports.events.emitted.length === eventsBefore) return;
    // Something happened: quiet for two looks in a row (uploads' events are batched every 100 ms).
    let events = ports.events.emitted.length;
    for (let quiet = 0; quiet < 2; ) {
      await new Promise((r) => setTimeout(r, 120));
      await services.uploads.whenIdle();
      await flushFiles();
      quiet = ports.events.emitted.length === events ? quiet + 1 : 0;
      events = ports.events.emitted.length;
    }
  };

  await settle();
  const startKeychain = await keychain();
  const objectEtags = new Map<string, string>(
    ((await (await bucket()).list({ 'max-keys': 1000 }, {})).objects as { name: string; etag: string }[]).map((o) => [o.name, o.etag]),
  );
  const secrets = [demo.accessKeySecret, demo.accessKeyId, ...(await keychainPasswords()), root, home, files, process.cwd()];
  if (!startKeychain[sandboxView.id]) throw new Error('fuzz setup: the sandbox profile has no keychain entry');
  return {
    root,
    home,
    services,
    ports,
    sandbox,
    ctx: { sandboxId: sandboxView.id, decoyId: decoy.id, objectKeys, uploadIds: items.map((i) => i.id), linkId: link.linkId, sampleFile },
    secrets,
    sandboxSecretHash: startKeychain[sandboxView.id]!,
    objectEtags,
    snapshot,
    settle,
    async close() {
      await services.accounts.remove(sandboxView.id).catch(() => undefined);
      for (const id of knownIds) await services.accounts.remove(id).catch(() => undefined);
      await harness.close();
      await folder.close();
    },
  };
}
