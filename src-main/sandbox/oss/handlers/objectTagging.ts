import { ossErrors } from '../ossError.ts';
import { sendEmpty, sendXml } from '../respond.ts';
import type { OssHandler, OssScope } from '../scope.ts';
import { childElements, childText, parseXml, readXmlBody } from '../xmlBody.ts';

const MAX_BODY = 64 * 1024;
const MAX_TAGS = 10;
/** Letters, digits, spaces and + - = . _ : / (OSS object-tagging rules; ali-oss checkObjectTag.js checks the same). */
const TAG_TEXT = /^[A-Za-z0-9 +\-=._:/]*$/;

function existing(scope: OssScope) {
  const meta = scope.ctx.objects.head(scope.bucket, scope.key);
  if (!meta) throw ossErrors.noSuchKey(scope.key);
  return meta;
}

async function readTags(scope: OssScope): Promise<[string, string][]> {
  const doc = await parseXml((await readXmlBody(scope.req, MAX_BODY)).toString('utf8'));
  const tagSet = doc.name === 'Tagging' ? childElements(doc, 'TagSet') : [];
  if (tagSet.length !== 1) throw ossErrors.malformedXml();
  const tags = childElements(tagSet[0]!, 'Tag').map((t): [string, string] => [childText(t, 'Key') ?? '', childText(t, 'Value') ?? '']);
  if (tags.length > MAX_TAGS) throw ossErrors.invalidTag('Object tags cannot be greater than 10');
  const keys = new Set<string>();
  for (const [key, value] of tags) {
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key)) throw ossErrors.invalidTag('The TagKey you have provided is invalid');
    if (value.length > 256 || !TAG_TEXT.test(value)) throw ossErrors.invalidTag('The TagValue you have provided is invalid');
    if (keys.has(key)) throw ossErrors.invalidTag('Cannot provide multiple Tags with the same key');
    keys.add(key);
  }
  return tags;
}

/** GET /<key>?tagging (GetObjectTagging). */
export const getObjectTagging: OssHandler = async (scope) => {
  const { tags } = await scope.ctx.attributes.get(scope.bucket, existing(scope));
  sendXml(scope.res, 200, 'Tagging', { TagSet: { Tag: tags.map(([Key, Value]) => ({ Key, Value })) } });
};

/** PUT /<key>?tagging (PutObjectTagging): replaces the whole tag set; bytes, ETag and Last-Modified stay. */
export const putObjectTagging: OssHandler = async (scope) => {
  existing(scope);
  const tags = await readTags(scope);
  const done = await scope.ctx.attributes.update(scope.bucket, scope.key, () => scope.ctx.objects.head(scope.bucket, scope.key), (old) => ({ ...old, tags }));
  if (!done) throw ossErrors.noSuchKey(scope.key);
  sendEmpty(scope.res, 200);
};

/** DELETE /<key>?tagging (DeleteObjectTagging): 204, as DeleteObject. */
export const deleteObjectTagging: OssHandler = async (scope) => {
  existing(scope);
  const done = await scope.ctx.attributes.update(scope.bucket, scope.key, () => scope.ctx.objects.head(scope.bucket, scope.key), (old) => ({ ...old, tags: [] }));
  if (!done) throw ossErrors.noSuchKey(scope.key);
  sendEmpty(scope.res, 204);
};
