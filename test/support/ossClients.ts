/**
 * Real ali-oss clients that talk to a sandbox directly, around Ferry: for putting a colleague's file in
 * place or checking what landed in the bucket with the role's full rights.
 */
import OSS from 'ali-oss';
import { aliOssOptions, type SandboxHandle } from '../../src-main/sandbox/index.ts';

export interface Creds {
  accessKeyId: string;
  accessKeySecret: string;
  stsToken?: string;
}

export const longTerm = (k: { id: string; secret: string }): Creds => ({ accessKeyId: k.id, accessKeySecret: k.secret });

// @types/ali-oss is stricter (and older) than ali-oss 6.23 itself; tests assert on the real shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Oss = any;

/**
 * A real ali-oss client in path style. ali-oss refuses to presign (V1) for IP endpoints, so it talks to
 * `localhost`, which is what Ferry's own links code will do too.
 */
export function ossClient(sb: SandboxHandle, creds: Creds, options: { bucket: string; v4?: boolean; amendTimeSkewed?: number }): Oss {
  return new OSS({
    ...aliOssOptions(sb),
    bucket: options.bucket,
    authorizationV4: options.v4 ?? false,
    timeout: 20_000,
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    ...(creds.stsToken
      ? { stsToken: creds.stsToken, refreshSTSToken: async () => ({ accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret, stsToken: creds.stsToken! }) }
      : {}),
    ...(options.amendTimeSkewed ? { amendTimeSkewed: options.amendTimeSkewed } : {}),
  } as OSS.Options);
}

/** Temporary credentials for `roleName` from the sandbox's STS, asked for with `key`. */
export async function assumeRole(
  sb: SandboxHandle,
  key: { id: string; secret: string },
  roleName: string,
  options: { policy?: object; duration?: number; session?: string } = {},
): Promise<Creds & { expiration: string }> {
  const sts = new OSS.STS({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint: sb.stsEndpoint } as never);
  const { credentials } = await sts.assumeRole(
    `acs:ram::${sb.accountId}:role/${roleName}`,
    options.policy as never,
    options.duration ?? 3600,
    options.session ?? 'ferry-test',
  );
  return {
    accessKeyId: credentials.AccessKeyId,
    accessKeySecret: credentials.AccessKeySecret,
    stsToken: credentials.SecurityToken,
    expiration: credentials.Expiration,
  };
}
