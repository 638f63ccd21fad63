import type OSS from 'ali-oss';
import type { Profile } from '../profile/profileModel.ts';
import type { CredentialBroker, Purpose } from '../credentials/types.ts';
import { FerryError, isFerryError } from '../errors/ferryError.ts';
import { classifyOssError } from '../oss/classifyError.ts';
import type { Network } from '../network/network.ts';
import { nameOfKey } from './contentDisposition.ts';
import { multipartCopy } from './multipartCopy.ts';

/** The few object operations sharing needs: size for the message, delete and move for "Stop sharing". */
export interface ObjectOps {
  size(profile: Profile, key: string): Promise<number>;
  remove(profile: Profile, key: string): Promise<void>;
  /** Copy + delete: the bytes stay, every URL to the old key stops working. */
  move(profile: Profile, from: string, to: string): Promise<void>;
}

/** CopyObject handles up to 1 GB; larger objects are copied part by part on the server. */
const SINGLE_COPY_LIMIT = 1024 ** 3;
const COPY_PART_SIZE = 100 * 1024 ** 2;
/** PutObject's own limit. */
const STREAM_COPY_LIMIT = 5 * 1024 ** 3;

export interface CopyLimits {
  /** Largest object moved with one CopyObject; above it, multipart UploadPartCopy. */
  singleCopyLimit: number;
  partSize: number;
}

export class OssObjectOps implements ObjectOps {
  private readonly limits: CopyLimits;

  constructor(
    private readonly broker: CredentialBroker,
    private readonly network: Pick<Network, 'ossClient'>,
    limits: Partial<CopyLimits> = {},
  ) {
    this.limits = { singleCopyLimit: SINGLE_COPY_LIMIT, partSize: COPY_PART_SIZE, ...limits };
  }

  async size(profile: Profile, key: string): Promise<number> {
    const result = await this.call(profile, 'share', key, (c) => c.head(key));
    return Number((result.res.headers as Record<string, string>)['content-length'] ?? NaN);
  }

  async remove(profile: Profile, key: string): Promise<void> {
    await this.call(profile, 'manage', key, (c) => c.head(key));
    await this.call(profile, 'manage', key, (c) => c.delete(key));
  }

  async move(profile: Profile, from: string, to: string): Promise<void> {
    const head = await this.call(profile, 'manage', from, (c) => c.head(from));
    const headers = head.res.headers as Record<string, string>;
    const size = Number(headers['content-length'] ?? 0);
    try {
      await this.call(profile, 'manage', from, async (c) => {
        if (size <= this.limits.singleCopyLimit) await c.copy(to, from);
        else await multipartCopy(c, profile.bucket, from, to, size, this.limits.partSize);
      });
    } catch (error) {
      // A session policy without PutObject for 'manage' cannot copy on the server: stream the bytes
      // through Ferry instead, reading with the share credentials and writing with the upload ones.
      if (!(isFerryError(error) && error.code === 'oss.accessDenied') || size > STREAM_COPY_LIMIT) throw error;
      await this.streamCopy(profile, from, to, size, headers['content-type']);
    }
    const copied = await this.call(profile, 'manage', to, (c) => c.head(to));
    if (Number((copied.res.headers as Record<string, string>)['content-length']) !== size) {
      throw new FerryError('links.moveIncomplete', { name: nameOfKey(from) });
    }
    await this.call(profile, 'manage', from, (c) => c.delete(from));
  }

  private async streamCopy(profile: Profile, from: string, to: string, size: number, contentType: string | undefined): Promise<void> {
    const source = await this.call(profile, 'share', from, (c) => c.getStream(from));
    await this.call(profile, 'upload', to, (c) =>
      c.putStream(to, source.stream, { contentLength: size, ...(contentType ? { mime: contentType } : {}) } as never),
    );
  }

  private async call<T>(profile: Profile, purpose: Purpose, key: string, op: (client: OSS) => Promise<T>): Promise<T> {
    const credentials = await this.broker.get(profile.id, purpose);
    const client = this.network.ossClient(profile, credentials, { clockOffsetMs: this.broker.clockOffsetMs() });
    try {
      return await op(client);
    } catch (error) {
      if (isFerryError(error)) throw error;
      if ((error as { code?: string }).code === 'NoSuchKey') throw new FerryError('links.objectMissing', { name: nameOfKey(key) }, { cause: error });
      throw classifyOssError(error) ?? error;
    }
  }
}
