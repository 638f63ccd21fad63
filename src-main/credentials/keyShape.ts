import { FerryError } from '../errors/ferryError.ts';

/** What the user pasted, cleaned: whitespace (spaces, tabs, line breaks, NBSP) removed from both ends and inside. */
export function cleanPasted(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

const KEY_ID = /^[A-Za-z0-9]{16,64}$/;
const KEY_SECRET = /^[A-Za-z0-9]{16,128}$/;

/**
 * A RAM user's long-term AccessKey pair, trimmed and checked for shape. Temporary ids (`STS.…`) are
 * refused here: they belong in "temporary credentials".
 */
export function checkAccessKey(input: { accessKeyId: string; accessKeySecret: string }): { accessKeyId: string; accessKeySecret: string } {
  const accessKeyId = cleanPasted(input.accessKeyId);
  const accessKeySecret = cleanPasted(input.accessKeySecret);
  if (accessKeyId.startsWith('STS.')) throw new FerryError('credentials.keyIsTemporary');
  if (!KEY_ID.test(accessKeyId)) throw new FerryError('credentials.keyIdShape');
  if (!KEY_SECRET.test(accessKeySecret) || accessKeySecret === accessKeyId) throw new FerryError('credentials.keySecretShape');
  return { accessKeyId, accessKeySecret };
}

export interface TemporaryCredentialsInput {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
}

/** Pasted STS credentials, cleaned and checked; `expiresAt` parsed from the ISO 8601 Expiration. */
export function checkTemporaryCredentials(input: TemporaryCredentialsInput): {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiresAt: number;
} {
  const accessKeyId = cleanPasted(input.accessKeyId);
  const accessKeySecret = cleanPasted(input.accessKeySecret);
  const securityToken = cleanPasted(input.securityToken);
  const expiration = input.expiration.trim();
  if (!/^STS\.[A-Za-z0-9]{8,64}$/.test(accessKeyId)) throw new FerryError('credentials.temporaryIdShape');
  if (!KEY_SECRET.test(accessKeySecret)) throw new FerryError('credentials.keySecretShape');
  if (!/^[A-Za-z0-9+/=_.-]{16,8192}$/.test(securityToken)) throw new FerryError('credentials.tokenShape');
  const expiresAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(expiration) ? Date.parse(expiration) : NaN;
  if (!Number.isFinite(expiresAt)) throw new FerryError('credentials.expirationShape');
  return { accessKeyId, accessKeySecret, securityToken, expiresAt };
}

/** `AbCdEfGh1234abcd` → `AbCd••••abcd`: enough to recognise a key, useless to an attacker. */
export function maskKeyId(accessKeyId: string): string {
  if (accessKeyId.length < 10) return '••••';
  return `${accessKeyId.slice(0, 4)}••••${accessKeyId.slice(-4)}`;
}
