import { presignV1 } from './presignV1.ts';
import { presignV4 } from './presignV4.ts';
import type { PresignInput, PresignedUrl } from './presignTypes.ts';

export type { PresignInput, PresignedUrl } from './presignTypes.ts';

/** Signs a GET link with the profile's signature version. Pure and local: no network. */
export function presign(version: 'v4' | 'v1', input: PresignInput): PresignedUrl {
  return version === 'v1' ? presignV1(input) : presignV4(input);
}
