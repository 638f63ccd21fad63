/** Serializes async work per key (commit/delete of one object), so the last commit wins cleanly. */
export class KeyLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    try {
      return await next;
    } finally {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    }
  }
}
