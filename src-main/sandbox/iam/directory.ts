import type { RoleConfig, SandboxConfig, UserConfig } from '../config.ts';

export interface KeyOwner {
  user: UserConfig;
  enabled: boolean;
  secret: string;
}

/** Read-only view of the configured account: who holds which key, which roles and buckets exist. */
export class Directory {
  private readonly keys = new Map<string, KeyOwner>();

  constructor(readonly config: SandboxConfig) {
    for (const user of config.users) {
      for (const key of user.accessKeys) {
        this.keys.set(key.id, { user, secret: key.secret, enabled: key.enabled && user.enabled });
      }
    }
  }

  get accountId(): string {
    return this.config.accountId;
  }

  get region(): string {
    return this.config.region;
  }

  keyOwner(accessKeyId: string): KeyOwner | undefined {
    return this.keys.get(accessKeyId);
  }

  user(name: string): UserConfig | undefined {
    return this.config.users.find((u) => u.name === name);
  }

  role(name: string): RoleConfig | undefined {
    return this.config.roles.find((r) => r.name === name);
  }

  roleArn(name: string): string {
    return `acs:ram::${this.accountId}:role/${name.toLowerCase()}`;
  }

  /** Role names are case-insensitive in ARNs, as in RAM. */
  roleByArnName(name: string): RoleConfig | undefined {
    return this.config.roles.find((r) => r.name.toLowerCase() === name.toLowerCase());
  }

  bucket(name: string): SandboxConfig['buckets'][number] | undefined {
    return this.config.buckets.find((b) => b.name === name);
  }

  /** The region a bucket lives in (bare id); its own `region`, else the sandbox's. */
  bucketRegion(name: string): string {
    return this.bucket(name)?.region ?? this.region;
  }
}
