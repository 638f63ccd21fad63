import type { MessageKey } from './i18n/i18n.svelte.ts';
import type { ProfileView } from './types.ts';

/** How a connection signs in, in words (a Record over every credential source: a new one must be named here). */
export const SOURCE_LABEL: Record<ProfileView['credentialSource'], MessageKey> = {
  'keychain-role': 'connect.where.source.keychainRole',
  env: 'connect.where.source.env',
  temporary: 'connect.where.source.temporary',
  'token-service': 'connect.where.source.tokenService',
};
