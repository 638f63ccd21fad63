import type { OssCredentials } from '../credentials/types.ts';

export interface PresignInput {
  /** The profile's endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com (or the sandbox's http://127.0.0.1:port). */
  endpoint: string;
  bucket: string;
  /** Bare region id (cn-hangzhou), used by V4 only. */
  region: string;
  /** The object key, raw (not encoded). */
  key: string;
  credentials: OssCredentials;
  /** When the signature is made, in the server's time (ms). */
  signedAt: number;
  /** When the URL should stop working, in the server's time (ms); rounded down to whole seconds. */
  expiresAt: number;
  /** Extra signed parameters: response-content-disposition, x-oss-ac-*, x-oss-traffic-limit. */
  query?: Readonly<Record<string, string>>;
}

export interface PresignedUrl {
  url: string;
  /** When the URL itself says it expires (server time, ms). */
  expiresAt: number;
}
