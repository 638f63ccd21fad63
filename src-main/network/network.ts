import type OSS from 'ali-oss';
import type { Profile } from '../profile/profileModel.ts';
import type { OssCredentials } from '../credentials/types.ts';
import { NetworkFailure } from '../oss/classifyError.ts';
import { createOssClient, type OssClientOptions } from '../oss/ossClient.ts';

/**
 * How Ferry reaches the network. Empty today; proxy, PAC and company-certificate settings belong here,
 * and every request to OSS, STS and a token service picks them up because every client is made below.
 */
export type NetworkSettings = Record<string, never>;

/** The one maker of network clients: OSS clients (ali-oss) and plain HTTP requests (STS, token service, link checks). */
export interface Network {
  ossClient(profile: Profile, credentials: OssCredentials, options?: OssClientOptions): OSS;
  /** fetch(), with socket/DNS/TLS failures wrapped so messages can name the host. */
  fetch(url: string, init: RequestInit): Promise<Response>;
}

export function createNetwork(_settings: NetworkSettings = {}): Network {
  return {
    ossClient: (profile, credentials, options) => createOssClient(profile, credentials, options),
    async fetch(url, init) {
      try {
        return await fetch(url, init);
      } catch (error) {
        throw new NetworkFailure(new URL(url).host, error);
      }
    },
  };
}
