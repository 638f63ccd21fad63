/**
 * Older profiles.json layouts, upgraded step by step to the current one. Each step takes the previous
 * version's object and returns the next; unknown versions are left alone for the schema to reject.
 *
 * v1 (Ferry 0.0.x): `{ version: 1, active, profiles: [{ id, name, endpoint, bucket, prefix, roleArn,
 *   durationSeconds, linkExpiry, signature: 'V1'|'V4', sandbox?, createdAt }] }` — keychain-role only.
 */
type Json = Record<string, unknown>;

const steps: Record<number, (file: Json) => Json> = {
  1: (file) => ({
    version: 2,
    activeId: typeof file.active === 'string' ? file.active : null,
    profiles: (Array.isArray(file.profiles) ? (file.profiles as Json[]) : []).map((p) => ({
      id: p.id,
      name: p.name,
      endpoint: p.endpoint,
      region: p.region ?? regionOf(String(p.endpoint ?? '')),
      bucket: p.bucket,
      prefixTemplate: p.prefix ?? 'shared/{user}/{yyyy}-{mm}/',
      ...(typeof p.roleArn === 'string' ? { roleArn: p.roleArn } : {}),
      sessionDurationSeconds: p.durationSeconds ?? 3600,
      defaultLinkExpiry: p.linkExpiry ?? '1d',
      signatureVersion: String(p.signature ?? 'V4').toLowerCase() === 'v1' ? 'v1' : 'v4',
      credentialSource: 'keychain-role',
      isSandbox: p.sandbox === true,
      createdAt: p.createdAt ?? 0,
    })),
  }),
};

function regionOf(endpoint: string): string {
  return /oss-([a-z]+(?:-[a-z0-9]+)+?)(?:-internal)?\.aliyuncs\.com/.exec(endpoint)?.[1] ?? 'cn-hangzhou';
}

export function migrateProfilesFile(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let file = raw as Json;
  for (let guard = 0; guard < 10; guard++) {
    const step = typeof file.version === 'number' ? steps[file.version] : undefined;
    if (!step) return file;
    file = step(file);
  }
  return file;
}
