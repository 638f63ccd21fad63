import type { Principal } from './auth/principal.ts';
import type { OperationName } from './operations.ts';
import type { OssContext } from './scope.ts';

const READS = new Set<OperationName>(['GetObject', 'HeadObject', 'GetObjectMeta']);

/**
 * Whether an anonymous caller may read: an object's own ACL (PutObjectACL) decides, and `default`
 * defers to the bucket's. Only anonymous reads consult the object's ACL file.
 */
export async function anonymousMayRead(
  ctx: OssContext,
  principal: Principal,
  op: OperationName,
  bucket: string | undefined,
  bucketAcl: string | undefined,
  key: string | undefined,
): Promise<boolean> {
  const bucketPublic = bucketAcl === 'public-read';
  if (principal.kind !== 'anonymous' || !READS.has(op) || bucket === undefined || key === undefined) return bucketPublic;
  const meta = ctx.objects.head(bucket, key);
  if (!meta) return bucketPublic;
  const { acl } = await ctx.attributes.get(bucket, meta);
  return acl === 'default' ? bucketPublic : acl === 'public-read' || acl === 'public-read-write';
}
