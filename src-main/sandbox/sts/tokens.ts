import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { BoundedCache } from '../boundedCache.ts';
import { randomAlnum } from '../demo.ts';

/** What a security token carries. Tokens are self-contained, so they survive a sandbox restart. */
const payloadSchema = z.object({
  v: z.literal(1),
  ak: z.string(),
  user: z.string(),
  role: z.string(),
  session: z.string(),
  iat: z.number(),
  exp: z.number(),
  policy: z.string().optional(),
});
export type TokenPayload = z.infer<typeof payloadSchema>;

export interface IssuedCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** Signs tokens and derives temporary secrets from a key kept in the sandbox data folder. */
export class TokenAuthority {
  /** Verified tokens: a token's bytes alone decide its payload (callers still check `exp` per request). */
  private readonly verified = new BoundedCache<string, TokenPayload>(1024);
  private readonly secrets = new BoundedCache<string, string>(1024);

  constructor(private readonly key: Buffer) {}

  static generateKey(): Buffer {
    return randomBytes(32);
  }

  secretFor(accessKeyId: string): string {
    return (
      this.secrets.get(accessKeyId) ??
      this.secrets.set(accessKeyId, createHmac('sha256', this.key).update(`secret:${accessKeyId}`).digest('base64').replace(/[+/=]/g, '').slice(0, 44))
    );
  }

  issue(fields: Omit<TokenPayload, 'v' | 'ak'>): IssuedCredentials {
    const accessKeyId = `STS.${randomAlnum(25)}`;
    const payload: TokenPayload = { v: 1, ak: accessKeyId, ...fields };
    const json = JSON.stringify(payload);
    const mac = createHmac('sha256', this.key).update(json).digest('hex');
    // Standard base64 on purpose: real tokens contain + / =, which clients must URL-encode.
    const securityToken = `CAIS${Buffer.from(`${json}\n${mac}`).toString('base64')}`;
    return { accessKeyId, accessKeySecret: this.secretFor(accessKeyId), securityToken };
  }

  /** The token's payload (shared, frozen), or undefined when it was not issued by this sandbox or was altered. */
  verify(token: string): TokenPayload | undefined {
    const known = this.verified.get(token);
    if (known) return known;
    const payload = this.check(token);
    return payload && this.verified.set(token, Object.freeze(payload));
  }

  private check(token: string): TokenPayload | undefined {
    if (!token.startsWith('CAIS')) return undefined;
    const text = Buffer.from(token.slice(4), 'base64').toString('utf8');
    const cut = text.lastIndexOf('\n');
    if (cut < 0) return undefined;
    const json = text.slice(0, cut);
    const mac = Buffer.from(text.slice(cut + 1), 'hex');
    const expected = createHmac('sha256', this.key).update(json).digest();
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    try {
      const parsed = payloadSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
