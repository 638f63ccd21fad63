import { t, type MessageKey, type Params } from './i18n/i18n.svelte.ts';

/** A private-use character: in no catalog text, so it marks where the name goes. */
const SLOT = '\uE000';

/** The last part of an object key: the file's name as stored (FileName marks any hidden characters). */
export function keyName(key: string): string {
  return key.split('/').filter(Boolean).pop() ?? key;
}

/** A message with a name in it, split where the name goes, so the name can be drawn by FileName. */
export function textAroundName(key: MessageKey, params: Params = {}, slot = 'name'): { before: string; after: string } {
  const [before = '', after = ''] = t(key, { ...params, [slot]: SLOT }).split(SLOT);
  return { before, after };
}
