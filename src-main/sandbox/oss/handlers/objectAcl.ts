import { OBJECT_ACLS, type ObjectAcl } from '../../storage/objectAttributes.ts';
import { headerValue } from '../header.ts';
import { ossErrors } from '../ossError.ts';
import { sendEmpty, sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';

function existing(scope: OssScope) {
  const meta = scope.ctx.objects.head(scope.bucket, scope.key);
  if (!meta) throw ossErrors.noSuchKey(scope.key);
  return meta;
}

/** GET /<key>?acl (GetObjectACL): `default` means the object follows its bucket's ACL. */
export const getObjectAcl: OssHandler = async (scope) => {
  const { acl } = await scope.ctx.attributes.get(scope.bucket, existing(scope));
  const account = scope.ctx.directory.accountId;
  sendXml(scope.res, 200, 'AccessControlPolicy', {
    Owner: { ID: account, DisplayName: account },
    AccessControlList: { Grant: acl },
  });
};

/** PUT /<key>?acl with `x-oss-object-acl` (PutObjectACL); the object's bytes and metadata stay as they are. */
export const putObjectAcl: OssHandler = async (scope) => {
  const value = headerValue(scope.req, 'x-oss-object-acl') ?? '';
  if (!(OBJECT_ACLS as readonly string[]).includes(value)) throw ossErrors.invalidObjectAcl(value);
  existing(scope);
  const done = await scope.ctx.attributes.update(scope.bucket, scope.key, () => scope.ctx.objects.head(scope.bucket, scope.key), (old) => ({ ...old, acl: value as ObjectAcl }));
  if (!done) throw ossErrors.noSuchKey(scope.key);
  sendEmpty(scope.res, 200);
};
