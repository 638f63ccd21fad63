import { sourceOf } from '../credentials/sources/index.ts';
import { checkAccessKey, checkTemporaryCredentials, maskKeyId, type TemporaryCredentialsInput } from '../credentials/keyShape.ts';
import { linkSigningAccount, type Keychain } from '../credentials/keychain.ts';
import { FerryError } from '../errors/ferryError.ts';
import type { CredentialSourceKind, Profile } from '../profile/profileModel.ts';

export interface SecretsInput {
  accessKey?: { accessKeyId: string; accessKeySecret: string } | undefined;
  temporaryCredentials?: TemporaryCredentialsInput | undefined;
  linkSigningKey?: { accessKeyId: string; accessKeySecret: string } | undefined;
}

/**
 * Checks and writes a profile's secrets to the keychain. Returns the non-secret facts to store with the
 * profile and the keychain accounts written (so a failed save can take them back).
 */
export async function writeProfileSecrets(
  keychain: Keychain,
  id: string,
  source: CredentialSourceKind,
  input: SecretsInput,
  existing: Profile | undefined,
  written: string[],
): Promise<Partial<Profile>> {
  const updates: Partial<Profile> = {};
  const secret = sourceOf(source).keychainSecret;
  const had = existing ? sourceOf(existing.credentialSource).keychainSecret : undefined;
  if (secret === 'access-key') {
    if (input.accessKey) {
      const key = checkAccessKey(input.accessKey);
      await keychain.write(id, { v: 1, kind: 'access-key', ...key });
      written.push(id);
      updates.maskedAccessKeyId = maskKeyId(key.accessKeyId);
    } else if (had !== 'access-key' || !existing?.maskedAccessKeyId) {
      throw new FerryError('accounts.accessKeyRequired');
    }
  } else if (secret === 'temporary') {
    if (input.temporaryCredentials) {
      const temp = checkTemporaryCredentials(input.temporaryCredentials);
      await keychain.write(id, { v: 1, kind: 'temporary', ...temp });
      written.push(id);
      updates.maskedAccessKeyId = maskKeyId(temp.accessKeyId);
      updates.credentialsExpireAt = temp.expiresAt;
    } else if (had !== 'temporary') {
      throw new FerryError('accounts.temporaryRequired');
    }
  } else if (existing && existing.credentialSource !== source && existing.maskedAccessKeyId) {
    // Switched to env / token service: the stored key is no longer used, so it goes.
    await keychain.remove(id);
  }
  if (input.linkSigningKey) {
    const key = checkAccessKey(input.linkSigningKey);
    await keychain.write(linkSigningAccount(id), { v: 1, kind: 'access-key', ...key });
    written.push(linkSigningAccount(id));
    updates.hasLinkSigningKey = true;
  }
  return updates;
}
