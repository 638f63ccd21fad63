import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import type { Command } from './command.ts';

export function helpText(commands: Command[], lang: Lang, only?: Command): string {
  if (only) return `${only.usage}\n\n${text(lang, only.summary)}`;
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${text(lang, c.summary)}`).join('\n');
  return `${text(lang, 'cli.help.intro')}\n\n${text(lang, 'cli.help.commands')}\n${list}\n\n${text(lang, 'cli.help.options')}`;
}
