import { closeFd, fsyncFd, openFd } from './fd.ts';

const ignore = (): void => undefined;

/**
 * Runs `work` for callers who each need a run that starts after they ask (group commit): one already
 * running may have started too early, so a caller joins the next run, which everyone arriving
 * meanwhile shares. With many small objects committed at once this is one folder fsync per batch.
 */
export class SharedRuns {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly work: () => Promise<void>) {}

  /** Resolves when a run that started after this call has finished (rejects if that run fails). */
  request(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    this.queued = this.running.then(ignore, ignore).then(() => {
      this.queued = undefined;
      return this.start();
    });
    return this.queued;
  }

  /** Nothing running or waiting to run. */
  get idle(): boolean {
    return !this.running && !this.queued;
  }

  private start(): Promise<void> {
    const run = this.work().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

const directories = new Map<string, SharedRuns>();

/** Makes renames into `dir` (and removals from it) durable: resolves after an fsync of the folder that started after this call. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let runs = directories.get(dir);
  if (!runs) {
    runs = new SharedRuns(() => fsyncPath(dir));
    directories.set(dir, runs);
  }
  try {
    await runs.request();
  } finally {
    if (runs.idle && directories.get(dir) === runs) directories.delete(dir);
  }
}

async function fsyncPath(dir: string): Promise<void> {
  const fd = await openFd(dir, 'r');
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}
