import { BodyDigest } from '../../storage/bodyDigest.ts';
import { writeTempObject } from '../../storage/tempFile.ts';
import { headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import type { OssScope } from '../scope.ts';

export const MAX_OBJECT_SIZE = 5 * 1024 ** 3;

export interface ReceivedBody {
  size: number;
  md5: Buffer;
  crc64: bigint;
}

/**
 * Streams the request body into a temp file (never all of it in memory), checking Content-Length and
 * Content-MD5, and appends the meta `build` returns. The caller publishes the temp file.
 */
export async function receiveBody<M extends object>(scope: OssScope, build: (body: ReceivedBody) => M): Promise<{ tempPath: string; meta: M }> {
  const { req } = scope;
  const md5Header = headerValue(req, 'content-md5');
  if (md5Header !== undefined && Buffer.from(md5Header, 'base64').length !== 16) throw ossErrors.invalidDigest(md5Header);
  const lengthHeader = headerValue(req, 'content-length');
  const declared = lengthHeader === undefined ? undefined : Number(lengthHeader);
  if (declared !== undefined && declared > MAX_OBJECT_SIZE) throw ossErrors.entityTooLarge();
  const digest = new BodyDigest();
  return writeTempObject(scope.ctx.objects.tempDir, req, scope.inbound, () => {
    if (declared !== undefined && digest.bytes !== declared) throw ossErrors.incompleteBody();
    if (digest.bytes > MAX_OBJECT_SIZE) throw ossErrors.entityTooLarge();
    const md5 = digest.md5Bytes();
    if (md5Header !== undefined && md5.toString('base64') !== md5Header) {
      throw ossErrors.badDigest(md5Header, md5.toString('base64'));
    }
    return build({ size: digest.bytes, md5, crc64: digest.crc64() });
  }, digest.update);
}
