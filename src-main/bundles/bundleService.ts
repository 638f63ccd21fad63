import { randomUUID } from 'node:crypto';
import type OSS from 'ali-oss';
import { expandPrefix, currentUserName } from '../accounts/prefixTemplate.ts';
import type { CredentialBroker } from '../credentials/types.ts';
import { FerryError, isFerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Links } from '../links/createLinks.ts';
import type { ExpiryChoice } from '../links/expiry.ts';
import type { LinkResult } from '../links/linkResult.ts';
import { logger } from '../log/logger.ts';
import type { Network } from '../network/network.ts';
import type { ClipboardPort, EventSink } from '../ports/uiPorts.ts';
import type { Profile } from '../profile/profileModel.ts';
import type { Clock } from '../time/clock.ts';
import { StoppedError } from '../uploads/abort.ts';
import { buildObjectKey } from '../uploads/objectKey.ts';
import { OssSession } from '../uploads/ossSession.ts';
import type { TransferTuning } from '../uploads/partPlan.ts';
import { CrcMismatchError } from '../uploads/retryPolicy.ts';
import { uploadStream } from '../uploads/streamedMultipart.ts';
import type { UploadsService } from '../uploads/uploadsService.ts';
import { walkPaths } from '../uploads/walker.ts';
import { zipArchive, type ZipSource } from './zipArchive.ts';
import { zipFileName, senderName } from './zipName.ts';
import { localSource, remoteSource, uniqueZipNames } from './zipSources.ts';

const log = logger('bundles');

/** What goes into one zip: finished rows of Send files, links on the Links screen, or files and folders (the CLI). */
export interface BundleRequest {
  uploadIds?: readonly string[] | undefined;
  linkIds?: readonly string[] | undefined;
  paths?: readonly string[] | undefined;
  /** The zip's name (the CLI's --zip NAME); otherwise "3 files from Alice — 2026-12-04.zip". */
  name?: string | undefined;
  profileId?: string | undefined;
  expiry?: ExpiryChoice | undefined;
}

export interface BundleResult {
  objectKey: string;
  size: number;
  count: number;
  /** Absent when no link was asked for (`ferry upload --zip` without --link). */
  link?: LinkResult;
}

export interface BundleDeps {
  clock: Clock;
  events: EventSink;
  clipboard: ClipboardPort;
  broker: CredentialBroker;
  network: Pick<Network, 'ossClient'>;
  uploads: Pick<UploadsService, 'finishedFile' | 'fileUploadedTo' | 'history'>;
  links: Pick<Links, 'service' | 'ledger'>;
  /** The profile (run-time endpoint filled in); undefined → the active one. */
  profile(id?: string): Promise<Profile>;
  limits(): Promise<{ partConcurrency: number }>;
  tuning: TransferTuning;
  /** Who the files are from, in the download name (the OS login name). */
  sender?: string;
  timeZone?: string;
}

export interface ShareOptions {
  /** Make a link (else only the zip is uploaded). */
  link: boolean;
  /** Put the link on the clipboard as soon as it is signed. */
  copy: boolean;
  onProgress?: (progress: { bytesDone: number; size: number }) => void;
}

interface Picked {
  name: string;
  source: (name: string) => Promise<ZipSource>;
  profileId?: string;
}

/** "Share as one link": many files streamed into one zip while it uploads, verified, and one link to it. */
export class BundleService {
  private readonly running = new Set<AbortController>();

  constructor(private readonly deps: BundleDeps) {}

  private assertLinkAllowed(request: BundleRequest, profile: Profile): void {
    try {
      this.deps.links.service.allowedExpiry({ expiry: request.expiry }, profile);
    } catch (error) {
      // The one link of a zip cannot be limited to an address: say what works instead.
      if (isFerryError(error) && error.code === 'policy.ipRequired') throw new FerryError('bundles.ipRequired');
      throw error;
    }
  }

  /** Zips, uploads and (with `link`) makes one link; `copy` puts it on the clipboard as soon as it is signed. */
  async share(request: BundleRequest, lang: Lang, options: ShareOptions): Promise<BundleResult> {
    const picked = await this.pick(request);
    if (picked.length === 0) throw new FerryError('bundles.nothingSelected');
    const profile = await this.deps.profile(request.profileId ?? picked.find((p) => p.profileId)?.profileId);
    if (options.link && profile.uploadOnly) throw new FerryError('links.uploadOnly', { profile: profile.name });
    // IT's link rules before the zip uploads, not after: a refused link would waste the whole upload.
    if (options.link) this.assertLinkAllowed(request, profile);
    const names = uniqueZipNames(picked.map((p) => p.name));
    const sources = await Promise.all(picked.map((p, i) => p.source(names[i]!)));
    const now = this.deps.clock.now();
    const named = request.name?.replace(/[\\/]/g, '-') ?? zipFileName(lang, sources.length, this.deps.sender ?? senderName(), now, this.deps.timeZone);
    const fileName = named.toLowerCase().endsWith('.zip') ? named : `${named}.zip`;
    const prefix = expandPrefix(profile.prefixTemplate, { user: currentUserName(), now });
    const baseKey = buildObjectKey(prefix, fileName);
    const controller = new AbortController();
    this.running.add(controller);
    const id = randomUUID();
    let done = 0;
    let total = 0;
    let lastEmit = 0;
    const progress = (force = false): void => {
      const at = Date.now();
      if (!force && at - lastEmit < 100) return;
      lastEmit = at;
      const now = { bytesDone: Math.max(0, done), size: total };
      this.deps.events.emit('bundles.progress', { id, count: sources.length, ...now });
      options.onProgress?.(now);
    };
    let result;
    try {
      const session = new OssSession(profile, this.deps.broker, (p, c, o) => this.deps.network.ossClient(p, c, o));
      const { partConcurrency } = await this.deps.limits();
      result = await uploadStream({
        session,
        baseKey,
        open: () => {
          const zip = zipArchive(sources);
          total = zip.size;
          return zip;
        },
        partSize: this.deps.tuning.partSize,
        partConcurrency,
        signal: controller.signal,
        onBytes: (n) => {
          done += n;
          progress();
        },
        onRestart: () => (done = 0),
      });
    } catch (error) {
      throw shown(error);
    } finally {
      this.running.delete(controller);
      progress(true);
    }
    log.info('zip uploaded', { files: sources.length, size: result.size });
    const finishedAt = this.deps.clock.now();
    await this.deps.uploads.history.add({ id, objectKey: result.key, name: result.key.split('/').pop()!, size: result.size, finishedAt, profileId: profile.id, bucket: profile.bucket });
    const out: BundleResult = { objectKey: result.key, size: result.size, count: sources.length };
    if (!options.link) return out;
    const deliver = options.copy ? ({ url }: { url: string }) => this.deps.clipboard.writeText(url) : undefined;
    const link = await this.deps.links.service.create({ objectKey: result.key, profileId: profile.id, expiry: request.expiry }, lang, result.size, deliver);
    return { ...out, link };
  }

  /** Stops every zip being made (nothing is left in the bucket). */
  cancel(): number {
    for (const controller of this.running) controller.abort(new StoppedError('cancel'));
    return this.running.size;
  }

  private async pick(request: BundleRequest): Promise<Picked[]> {
    const picked: Picked[] = [];
    for (const id of request.uploadIds ?? []) {
      const file = this.deps.uploads.finishedFile(id);
      if (!file) throw new FerryError('bundles.notUploaded');
      picked.push({ name: file.name, profileId: file.profileId, source: (name) => localSource(file.path, name) });
    }
    if (request.linkIds?.length) {
      const byId = new Map((await this.deps.links.ledger.list()).map((e) => [e.id, e]));
      for (const id of request.linkIds) {
        const entry = byId.get(id);
        if (!entry) throw new FerryError('links.entryNotFound');
        if (entry.stopped) throw new FerryError('links.stopped', { name: entry.name });
        const local = this.deps.uploads.fileUploadedTo(entry.profileId, entry.objectKey);
        // The file as it is on this computer when it is still in Send files; otherwise the copy in the bucket.
        picked.push({
          name: local?.name ?? entry.name,
          profileId: entry.profileId,
          source: (name) => (local ? localSource(local.path, name) : this.remote(entry.profileId, entry.objectKey, name)),
        });
      }
    }
    if (request.paths?.length) {
      const walked = await walkPaths(request.paths);
      const problem = walked.problems[0];
      if (problem) throw new FerryError(problem.reason === 'missing' ? 'uploads.fileGone' : problem.reason === 'notAFile' ? 'uploads.notAFile' : 'uploads.unreadable', { name: problem.relative });
      for (const file of walked.files) picked.push({ name: file.relative, source: (name) => localSource(file.path, name) });
    }
    return picked;
  }

  private async remote(profileId: string, key: string, name: string): Promise<ZipSource> {
    const profile = await this.deps.profile(profileId);
    const client = async (): Promise<OSS> => this.deps.network.ossClient(profile, await this.deps.broker.get(profile.id, 'share'), { clockOffsetMs: this.deps.broker.clockOffsetMs() });
    let size: number;
    try {
      size = Number((await (await client()).head(key)).res.headers['content-length' as keyof object]);
    } catch (error) {
      if ((error as { status?: number }).status === 404) throw new FerryError('links.objectMissing', { name });
      throw error;
    }
    return remoteSource(name, size, client, key);
  }
}

/** The failure as the person should read it. */
function shown(error: unknown): unknown {
  if (isFerryError(error)) return error;
  if (error instanceof StoppedError) return new FerryError('bundles.cancelled', {}, { cause: error });
  if (error instanceof CrcMismatchError) return new FerryError('bundles.verifyFailed', {}, { cause: error });
  return error;
}
