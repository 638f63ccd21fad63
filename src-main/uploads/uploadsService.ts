import { promises as fs } from 'node:fs';
import type { AccountsService } from '../accounts/accountsService.ts';
import type { Profile } from '../profile/profileModel.ts';
import { currentUserName, expandPrefix } from '../accounts/prefixTemplate.ts';
import type { CredentialBroker } from '../credentials/types.ts';
import { FerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import { text, type Surface } from '../i18n/text.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import type { Ports } from '../ports/uiPorts.ts';
import type { Clock } from '../time/clock.ts';
import { CheckpointStore, type Checkpoint } from './checkpointStore.ts';
import { saveClipboardImage } from './clipboardImage.ts';
import { completedBefore, CompletionJournal, linesAbout, type JournalLine } from './completionJournal.ts';
import { UploadHistory } from './history.ts';
import { buildObjectKey } from './objectKey.ts';
import { OssSession } from './ossSession.ts';
import type { Network } from '../network/network.ts';
import { DEFAULT_TUNING, usesMultipart, type TransferTuning } from './partPlan.ts';
import { ProgressBatcher } from './progressBatcher.ts';
import { isFinished, type CollisionPolicy, type QueueEntry, type UploadItem, type UploadSource } from './queueEntry.ts';
import { entryForCheckpoint, entryForFile, entryForPending, failedEntry, uploadedEntry } from './entryFactory.ts';
import { fileError } from './fileIdentity.ts';
import { PendingUploadsStore } from './pendingStore.ts';
import { UploadQueue } from './uploadQueue.ts';
import { toItemView } from './itemView.ts';
import { walkEntries, type WalkProblem } from './walker.ts';
import { logger } from '../log/logger.ts';

const log = logger('uploads');

export interface UploadsOptions {
  home: string;
  clock: Clock;
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  ports: Pick<Ports, 'clipboard' | 'dialog' | 'events'>;
  broker: CredentialBroker;
  accounts: Pick<AccountsService, 'active' | 'runtimeProfile'>;
  lang(): Promise<Lang>;
  /** The `{user}` in prefix templates (the OS login name, as the broker's session policy uses). */
  user?: string;
  tuning?: Partial<TransferTuning>;
  /** Makes the OSS clients (network/network.ts); tests wrap it to inject faults. */
  network: Pick<Network, 'ossClient'>;
  random?: () => number;
}

export interface AddOptions {
  source: UploadSource;
  collision?: CollisionPolicy | undefined;
  profileId?: string | undefined;
}

export interface AddReply {
  accepted: number;
  /** Also in the list as failed items, so the window can offer Retry. */
  rejected: { name: string; error: { code: string; message: string } }[];
  /** Ids of the items this call put in the list: accepted ones first, then the rejected (failed) ones. */
  ids: string[];
}

type ChangeListener = (items: UploadItem[], removed: string[]) => void;

/** While a dropped folder is walked, its files go into the queue in batches of at most this many… */
const QUEUE_BATCH_FILES = 256;
/** …or of what the walk found in this long, whichever comes first. */
const QUEUE_BATCH_MS = 50;

const PROBLEM_CODES: Record<WalkProblem['reason'], string> = {
  unreadable: 'uploads.unreadable',
  missing: 'uploads.fileGone',
  notAFile: 'uploads.notAFile',
};

/** Everything behind `uploads.*`: one entry point for drops, the picker, the clipboard, the CLI and the tray. */
export class UploadsService {
  readonly history: UploadHistory;
  private readonly checkpoints: CheckpointStore;
  private readonly pending: PendingUploadsStore;
  private readonly journal: CompletionJournal;
  /** Journal lines this queue wrote or found already done: dropped once the queue has nothing left to do. */
  private readonly journalIds = new Set<string>();
  private forgetting: Promise<void> = Promise.resolve();
  /** add() or resumeSaved() running: the batch is still being put together, so it cannot be over yet. */
  private adding = 0;
  /** An entry known to be unfinished a moment ago (see hasUnfinished). */
  private unfinishedWitness: string | undefined;
  private readonly queue: UploadQueue;
  private readonly batcher: ProgressBatcher;
  private readonly sessions = new Map<string, OssSession>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly user: string;
  private readonly unsubscribeSettings: () => void;

  constructor(private readonly options: UploadsOptions) {
    this.user = options.user ?? currentUserName();
    this.history = new UploadHistory(options.home);
    this.checkpoints = new CheckpointStore(options.home);
    this.journal = new CompletionJournal(options.home);
    void this.history.load();
    this.batcher = new ProgressBatcher((changed, removed) => void this.publish(changed, removed));
    this.pending = new PendingUploadsStore(options.home, () => this.queue.entries.values());
    this.queue = new UploadQueue(
      {
        clock: options.clock,
        checkpoints: this.checkpoints,
        history: this.history,
        journal: this.journal,
        session: (profile) => this.session(profile),
        tuning: { ...DEFAULT_TUNING, ...options.tuning },
        changed: (id) => {
          const entry = this.queue.entries.get(id);
          this.batcher.markChanged(id);
          this.pending.observe(entry, id);
          if (entry?.state === 'done') this.settleJournal(id);
        },
        removed: (id) => {
          this.batcher.markRemoved(id);
          this.pending.observe(undefined, id);
        },
        ...(options.random ? { random: options.random } : {}),
      },
      { fileConcurrency: 3, partConcurrency: 4 },
    );
    void options.settings.get().then((s) => this.queue.setLimits({ fileConcurrency: s.fileConcurrency, partConcurrency: s.partConcurrency }));
    this.unsubscribeSettings = options.settings.onChange((s) =>
      this.queue.setLimits({ fileConcurrency: s.fileConcurrency, partConcurrency: s.partConcurrency }),
    );
  }

  private session(profile: Profile): OssSession {
    let session = this.sessions.get(profile.id);
    // Same connection settings → same session (and client); an edited profile gets a fresh one.
    if (!session || (session.profile !== profile && JSON.stringify(session.profile) !== JSON.stringify(profile))) {
      session = new OssSession(profile, this.options.broker, (p, c, o) => this.options.network.ossClient(p, c, o));
      this.sessions.set(profile.id, session);
    }
    return session;
  }

  private async profile(profileId?: string): Promise<Profile> {
    const id = profileId ?? (await this.options.accounts.active())?.id;
    if (!id) throw new FerryError('uploads.noProfile');
    return this.options.accounts.runtimeProfile(id);
  }

  /** Queues files and folders (walked recursively). Unreadable files become failed items; the rest go on. */
  add(paths: readonly string[], options: AddOptions): Promise<AddReply> {
    return this.batch(() => this.addNow(paths, options));
  }

  private async addNow(paths: readonly string[], options: AddOptions): Promise<AddReply> {
    const [profile, settings, lang, saved, completed] = await Promise.all([
      this.profile(options.profileId),
      this.options.settings.get(),
      this.options.lang(),
      this.checkpoints.list(),
      this.journal.list(),
    ]);
    const collision = options.collision ?? settings.collisionPolicy;
    const prefix = expandPrefix(profile.prefixTemplate, { user: this.user, now: this.options.clock.now() });
    const tuning = { ...DEFAULT_TUNING, ...this.options.tuning };
    const reply: AddReply = { accepted: 0, rejected: [], ids: [] };
    const failed: QueueEntry[] = [];
    let queued: QueueEntry[] = [];
    let found = 0;
    let sentAt = -Infinity;
    // Files start as the walk finds them: a batch goes to the journal (before anything of it is sent: a
    // crash from then on leaves the journal knowing it) and into the queue at the first file, then at
    // most every QUEUE_BATCH_MS or QUEUE_BATCH_FILES, so a big folder is not walked to the end first.
    const release = async (): Promise<void> => {
      if (queued.length === 0) return;
      const batch = queued;
      queued = [];
      sentAt = performance.now();
      const lines: JournalLine[] = batch.map((entry) => ({ kind: 'queued', id: entry.id, profileId: profile.id, bucket: profile.bucket, path: entry.path }));
      await this.journal.record(...lines).catch((error: unknown) => log.warn('could not write the upload journal', { error: (error as Error)?.name }));
      for (const entry of batch) this.queue.add(entry);
      this.queue.pump();
    };
    const resumable = new Map(saved.filter((c) => c.profileId === profile.id).map((c) => [c.path, c]));
    for await (const walked of walkEntries(paths)) {
      found++;
      if (walked.kind === 'problem') {
        failed.push(this.problemEntry(walked, profile, options.source, collision, prefix));
        continue;
      }
      const file = walked;
      const checkpoint = resumable.get(file.path);
      if (checkpoint && this.resumeExisting(checkpoint, reply)) continue;
      const recovered = this.fromInterruptedBatch(completed, file.path, profile);
      const earlier = checkpoint ? undefined : await this.alreadyUploaded(completed, file.path, file.relative, profile, options.source);
      if (earlier) {
        reply.accepted++;
        reply.ids.push(earlier.id);
        continue;
      }
      let baseKey: string;
      try {
        baseKey = checkpoint?.key ?? buildObjectKey(prefix, file.relative);
      } catch (error) {
        failed.push(failedEntry(file.path, file.relative, profile, options.source, error));
        continue;
      }
      const entry = entryForFile(file, { profile, baseKey, collision, source: options.source, multipart: usesMultipart(file.size, tuning), checkpoint });
      if (recovered) entry.recovered = true;
      queued.push(entry);
      reply.accepted++;
      reply.ids.push(entry.id);
      if (queued.length >= QUEUE_BATCH_FILES || performance.now() - sentAt >= QUEUE_BATCH_MS) await release();
    }
    await release();
    if (found === 0) throw new FerryError('uploads.nothingToUpload');
    for (const entry of failed) {
      this.queue.add(entry);
      const view = toItemView(entry, lang);
      reply.rejected.push({ name: entry.name, error: view.error! });
      reply.ids.push(entry.id);
    }
    this.queue.pump();
    return reply;
  }

  /** A walked entry that cannot be uploaded, as a failed row; Retry works once the file is back (its key is known now; a bad name stays refused). */
  private problemEntry(problem: WalkProblem, profile: Profile, source: UploadSource, collision: CollisionPolicy, prefix: string): QueueEntry {
    const error = new FerryError(PROBLEM_CODES[problem.reason], { name: problem.relative });
    const entry = failedEntry(problem.path, problem.relative, profile, source, error);
    entry.collision = collision;
    try {
      entry.baseKey = buildObjectKey(prefix, problem.relative);
    } catch {
      entry.baseKey = '';
    }
    return entry;
  }

  /** A checkpointed file that is already in the queue: resume it rather than queue it twice. */
  private resumeExisting(checkpoint: Checkpoint, reply: AddReply): boolean {
    const existing = this.queue.entries.get(checkpoint.id);
    if (!existing) return false;
    const n = existing.state === 'paused' ? this.queue.resume(existing.id) : this.queue.retry(existing.id);
    if (n > 0 || existing.state === 'uploading' || existing.state === 'queued') {
      reply.accepted++;
      reply.ids.push(existing.id);
    }
    return true;
  }

  /**
   * Re-queues what a previous run left unfinished, e.g. at app start: multipart uploads from their
   * checkpoints, and files that were queued but not yet sent. A file that is gone shows as failed.
   */
  resumeSaved(): Promise<number> {
    return this.batch(() => this.resumeSavedNow());
  }

  private async resumeSavedNow(): Promise<number> {
    let n = 0;
    const profiles = new Map<string, Promise<Profile | undefined>>();
    const profileFor = (id: string): Promise<Profile | undefined> => {
      let p = profiles.get(id);
      // A removed connection: its uploads wait in case it comes back.
      if (!p) profiles.set(id, (p = this.options.accounts.runtimeProfile(id).catch(() => undefined)));
      return p;
    };
    for (const checkpoint of await this.checkpoints.list()) {
      if (this.queue.entries.has(checkpoint.id)) continue;
      const profile = await profileFor(checkpoint.profileId);
      if (!profile) continue;
      this.queue.add(entryForCheckpoint(checkpoint, profile));
      n++;
    }
    const tuning = { ...DEFAULT_TUNING, ...this.options.tuning };
    const completed = await this.journal.list();
    for (const pending of await this.pending.load()) {
      if (this.queue.entries.has(pending.id)) continue;
      const profile = await profileFor(pending.profileId);
      if (!profile) continue;
      this.fromInterruptedBatch(completed, pending.path, profile);
      // Finished just before the crash, after the queue file was last written.
      if (await this.alreadyUploaded(completed, pending.path, pending.name, profile, pending.source)) continue;
      let entry: QueueEntry;
      try {
        const stat = await fs.stat(pending.path);
        if (!stat.isFile()) throw new FerryError('uploads.fileGone', { name: pending.name });
        entry = entryForPending(pending, profile, stat.size, usesMultipart(stat.size, tuning));
        entry.recovered = true;
      } catch (error) {
        entry = failedEntry(pending.path, pending.name, profile, pending.source, fileError(error, pending.name));
        entry.id = pending.id;
        entry.baseKey = pending.baseKey;
        entry.collision = pending.collision;
      }
      this.queue.add(entry);
      n++;
    }
    // The queue file now holds what this run took back, and no older queue.json is left.
    void this.pending.compact();
    this.queue.pump();
    return n;
  }

  /**
   * A file an interrupted batch already uploaded (the journal's record, same size, time and content):
   * shown as done with the key it got, not stored again. The one check behind the window's startup
   * recovery and a re-run of `ferry upload`.
   */
  private async alreadyUploaded(completed: readonly JournalLine[], path: string, name: string, profile: Profile, source: UploadSource): Promise<QueueEntry | undefined> {
    const earlier = await completedBefore(completed, { path, profileId: profile.id, bucket: profile.bucket });
    if (!earlier) return undefined;
    const entry = uploadedEntry(earlier, name, profile, source, this.options.clock.now());
    this.queue.add(entry);
    await this.history.load();
    if (this.history.uploadedAt(profile.id, earlier.key) === undefined) {
      await this.history.add({ id: entry.id, objectKey: earlier.key, name: entry.name, size: earlier.size, finishedAt: entry.finishedAt!, profileId: profile.id, bucket: profile.bucket });
    }
    return entry;
  }

  /** Whether an interrupted batch had this file; its lines then go when this batch is over. */
  private fromInterruptedBatch(journal: readonly JournalLine[], path: string, profile: Profile): boolean {
    const lines = linesAbout(journal, { path, profileId: profile.id, bucket: profile.bucket });
    for (const line of lines) this.journalIds.add(line.id);
    return lines.length > 0;
  }

  private async batch<T>(work: () => Promise<T>): Promise<T> {
    this.adding++;
    try {
      return await work();
    } finally {
      this.adding--;
      this.settleJournal();
    }
  }

  /**
   * Whether anything in the queue is left to do. Called after every finished file, so it first asks the
   * entry that was last seen unfinished (in queue order the newest: it finishes last); only when that one is
   * done does it look through the queue again, remembering the last unfinished entry it passes.
   */
  private hasUnfinished(): boolean {
    const witness = this.unfinishedWitness === undefined ? undefined : this.queue.entries.get(this.unfinishedWitness);
    if (witness && !isFinished(witness.state)) return true;
    this.unfinishedWitness = undefined;
    for (const entry of this.queue.entries.values()) if (!isFinished(entry.state)) this.unfinishedWitness = entry.id;
    return this.unfinishedWitness !== undefined;
  }

  /** Once nothing in the queue is left to do, its batch is over: its journal lines go. */
  private settleJournal(id?: string): void {
    if (id !== undefined) this.journalIds.add(id);
    if (this.adding > 0) return;
    if (this.hasUnfinished()) return;
    const ids = new Set(this.journalIds);
    this.journalIds.clear();
    this.forgetting = this.forgetting.then(() => this.journal.forget(ids)).catch(() => undefined);
  }

  async fromClipboard(): Promise<AddReply> {
    const paths = await this.options.ports.clipboard.readFilePaths();
    if (paths.length > 0) return this.add(paths, { source: 'clipboard' });
    const png = await this.options.ports.clipboard.readImagePng();
    if (!png || png.length === 0) throw new FerryError('uploads.clipboardEmpty');
    const file = await saveClipboardImage(this.options.home, png, this.options.clock.now());
    return this.add([file], { source: 'clipboard' });
  }

  async pick(folders: boolean): Promise<AddReply> {
    const lang = await this.options.lang();
    const title = text(lang, folders ? 'uploads.pickFoldersTitle' : 'uploads.pickFilesTitle');
    const paths = await this.options.ports.dialog.openFiles({ title, folders, multiple: true });
    if (paths.length === 0) return { accepted: 0, rejected: [], ids: [] };
    return this.add(paths, { source: 'picker' });
  }

  async list(lang?: Lang): Promise<UploadItem[]> {
    const l = lang ?? (await this.options.lang());
    return [...this.queue.entries.values()].map((e) => toItemView(e, l));
  }

  item(id: string, lang: Lang, surface?: Surface): UploadItem | undefined {
    const entry = this.queue.entries.get(id);
    return entry ? toItemView(entry, lang, undefined, surface) : undefined;
  }

  pause = (id: string): number => this.queue.pause(id);
  resume = (id: string): number => this.queue.resume(id);
  cancel = (id: string): Promise<number> => this.queue.cancel(id);
  retry = (id: string): number => this.queue.retry(id);
  pauseAll = (): number => this.queue.pauseAll();
  resumeAll = (): number => this.queue.resumeAll();
  cancelAll = (): Promise<number> => this.queue.cancelAll();
  clearFinished = (): Promise<number> => this.queue.clearFinished();
  whenIdle = (): Promise<void> => this.queue.whenIdle();

  /** The local files rows in the list still refer to (a failed or paused row can be sent again). */
  localPaths(): string[] {
    return [...this.queue.entries.values()].filter((e) => e.state !== 'done' && e.state !== 'cancelled').map((e) => e.path);
  }

  /** The local file behind a finished row (for "Share as one link"); undefined for any other row. */
  finishedFile(id: string): { path: string; name: string; profileId: string; objectKey: string } | undefined {
    const entry = this.queue.entries.get(id);
    if (!entry || entry.state !== 'done' || !entry.objectKey || entry.stopped) return undefined;
    return { path: entry.path, name: entry.name, profileId: entry.profile.id, objectKey: entry.objectKey };
  }

  /** The local file a finished row in the list uploaded to `objectKey`, if there is one. */
  fileUploadedTo(profileId: string, objectKey: string): { path: string; name: string } | undefined {
    for (const entry of this.queue.entries.values()) {
      if (entry.state === 'done' && !entry.stopped && entry.profile.id === profileId && entry.objectKey === objectKey) return { path: entry.path, name: entry.name };
    }
    return undefined;
  }

  /** "Stop sharing" deleted or moved `objectKey`: rows that uploaded it before `stop.at` say so. */
  objectStopped(profileId: string, objectKey: string, stop: { at: number; mode: 'delete' | 'move'; movedTo?: string }): void {
    for (const entry of this.queue.entries.values()) {
      if (entry.profile.id !== profileId || entry.objectKey !== objectKey || entry.state !== 'done') continue;
      if (entry.finishedAt !== undefined && entry.finishedAt > stop.at) continue;
      entry.stopped = { mode: stop.mode, ...(stop.movedTo !== undefined ? { movedTo: stop.movedTo } : {}) };
      this.batcher.markChanged(entry.id);
    }
  }

  /** Called with each batch the window gets (≤ ~10 per second, changed items only). */
  onChanged(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async publish(changed: string[], removed: string[]): Promise<void> {
    const lang = await this.options.lang();
    const now = performance.now();
    const items: UploadItem[] = [];
    for (const id of changed) {
      const entry = this.queue.entries.get(id);
      if (!entry) continue;
      items.push(toItemView(entry, lang, now));
      // Keep sampling running items so speed and ETA stay honest even when bytes stall.
      if (entry.state === 'uploading' || entry.state === 'verifying') this.batcher.markChanged(id);
    }
    this.options.ports.events.emit('uploads.changed', { items, removed });
    for (const listener of this.listeners) listener(items, removed);
  }

  /** Stops transfers (keeping checkpoints so they resume next time) and writes the history. */
  async close(): Promise<void> {
    this.unsubscribeSettings();
    await this.queue.shutdown();
    this.batcher.flush();
    this.batcher.dispose();
    await Promise.all([this.history.flush(), this.pending.flush(), this.forgetting]);
  }
}
