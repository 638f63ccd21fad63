/** Remembers SignatureNonces for the replay window, per AccessKeyId. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True when the nonce is new (and records it); false when it was used within the window. */
  claim(accessKeyId: string, nonce: string, now: number): boolean {
    if (this.seen.size > 10_000) this.prune(now);
    const id = `${accessKeyId}\n${nonce}`;
    const until = this.seen.get(id);
    if (until !== undefined && until > now) return false;
    this.seen.set(id, now + this.windowMs);
    return true;
  }

  private prune(now: number): void {
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
  }
}
