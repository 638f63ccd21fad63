import type { Lang } from '../i18n/lang.ts';
import type { LocalizedMessage, MessageTable } from './messageTable.ts';
import { appMessages } from '../app/messages.ts';
import { sandboxMessages } from '../cli/commands/sandboxMessages.ts';
import { accountsMessages } from '../accounts/messages.ts';
import { credentialsMessages } from '../credentials/messages.ts';
import { ossMessages } from '../oss/messages.ts';
import { uploadsMessages } from '../uploads/messages.ts';
import { linksMessages } from '../links/messages.ts';
import { trayMessages } from '../tray/messages.ts';
import { osMessages } from '../os/messages.ts';
import { namesMessages } from '../names/messages.ts';
import { visibleName } from '../names/inertName.ts';
import { fillTemplate } from '../i18n/fillTemplate.ts';

const tables: MessageTable[] = [
  appMessages,
  sandboxMessages,
  accountsMessages,
  credentialsMessages,
  ossMessages,
  uploadsMessages,
  linksMessages,
  trayMessages,
  osMessages,
  namesMessages,
];

export const catalog: ReadonlyMap<string, LocalizedMessage> = new Map(
  tables.flatMap((table) => Object.entries(table)),
);

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

/**
 * The message for `code` in `lang`, with `{param}` placeholders filled. Unknown codes fall back to app.unexpected.
 * `{name}` is always a file or object name: its hidden characters show as `[U+XXXX]` (names/inertName.ts).
 */
export function formatMessage(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const entry = catalog.get(code) ?? catalog.get('app.unexpected');
  const template = entry?.[lang] ?? entry?.en ?? code;
  const name = params.name;
  return fillTemplate(template, lang, typeof name === 'string' ? { ...params, name: visibleName(name) } : params);
}
