import type { Network } from '../../network/network.ts';
import type { CredentialSourceKind, Profile } from '../../profile/profileModel.ts';
import type { Keychain } from '../keychain.ts';
import type { OssCredentials, Purpose } from '../types.ts';

/** What a source needs from the broker: the keychain, the environment, a skew-aware AssumeRole, the network. */
export interface SourceContext {
  keychain: Keychain;
  env: NodeJS.ProcessEnv;
  serverNow(): number;
  assume(caller: OssCredentials, roleArn: string, purpose: Purpose): Promise<OssCredentials>;
  fetch: Network['fetch'];
}

/**
 * Everything Ferry needs to know about one way of getting OSS credentials. Adding a source is one file in
 * this folder, its entry in `index.ts` (a Record over every kind, so a missing one does not compile) and
 * its texts.
 */
export interface CredentialSource {
  readonly kind: CredentialSourceKind;
  /** What the keychain holds under the profile id for this source, if anything. */
  readonly keychainSecret: 'access-key' | 'temporary' | undefined;
  /** Ferry gets new credentials by itself before these run out (pasted ones cannot be renewed). */
  readonly renews: boolean;
  /** A role ARN must be part of the connection (it cannot come from anywhere else). */
  readonly needsRoleArn: boolean;
  /** The connection names a token service to ask. */
  readonly needsTokenService: boolean;
  /**
   * The key signs AssumeRole calls, so an STS host receives its signatures and Ferry's session policy
   * limits every credential (and so every link) to the profile's folder. `roleArn` is the connection's role.
   */
  signsAtSts(env: NodeJS.ProcessEnv, roleArn: string | undefined): boolean;
  /** "Test connection", first step: is what this source needs present? `false` when there is nothing to check. */
  checkPresent(profile: Profile, ctx: Pick<SourceContext, 'keychain' | 'env'>): Promise<boolean>;
  /** Fresh (uncached) credentials for one purpose. */
  obtain(profile: Profile, purpose: Purpose, ctx: SourceContext): Promise<OssCredentials>;
}
