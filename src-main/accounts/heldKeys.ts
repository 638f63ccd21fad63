import { randomBytes } from 'node:crypto';
import { FerryError } from '../errors/ferryError.ts';
import { registerSecret } from '../log/redact.ts';
import type { Clock } from '../time/clock.ts';
import type { AccessKeyPair } from '../credentials/accessKeyText.ts';

/** Long enough to read the screen and click Connect; short enough that a forgotten key does not linger. */
export const HELD_KEY_TTL_MS = 15 * 60_000;
/** A page calling in a loop cannot pile keys up in main's memory. */
const MAX_HELD = 4;

/**
 * Keys the person gave the connect screen (a dropped AccessKey.csv, pasted lines), held in main's memory
 * only — never on disk — between reading them and saving the connection. The window gets a random
 * reference and the masked ID; the secret stays here until `profiles.save` writes it to the keychain.
 */
export class HeldKeys {
  private readonly keys = new Map<string, { key: AccessKeyPair; at: number }>();

  constructor(private readonly clock: Clock) {}

  hold(key: AccessKeyPair): string {
    this.sweep();
    while (this.keys.size >= MAX_HELD) this.release(this.keys.keys().next().value!);
    registerSecret(key.accessKeySecret);
    const ref = `k${randomBytes(16).toString('hex')}`;
    this.keys.set(ref, { key, at: this.clock.now() });
    return ref;
  }

  /** The key behind `ref`; it stays held until `release` (a save that fails can be tried again). */
  get(ref: string): AccessKeyPair {
    this.sweep();
    const held = this.keys.get(ref);
    if (!held) throw new FerryError('credentials.heldKeyGone');
    return held.key;
  }

  /** Stays registered for log redaction: the same secret now lives in the keychain. */
  release(ref: string): void {
    this.keys.delete(ref);
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [ref, held] of this.keys) if (now - held.at > HELD_KEY_TTL_MS) this.release(ref);
  }
}
