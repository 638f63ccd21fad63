import { formatLocalDateTime } from '../../links/formatTime.ts';
import { EXIT_OK, UsageError, type Command } from '../command.ts';
import { parseArgs } from './link.ts';

export const linksCommand: Command = {
  name: 'links',
  usage: 'ferry links [--active|--expired]',
  summary: {
    en: 'List the links Ferry has made (newest first): when each stops working, the file, and whether sharing was stopped.',
    'zh-CN': '列出 Ferry 生成过的链接（最新在前）：失效时间、文件，以及是否已停止分享。',
  },
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: [], switches: ['--active', '--expired'] }, 'links');
    if (positional.length) throw new UsageError(`Unexpected argument "${positional[0]}".`);
    if (flags.has('--active') && flags.has('--expired')) throw new UsageError('Choose --active or --expired, not both.');
    const filter = flags.has('--active') ? 'active' : flags.has('--expired') ? 'expired' : 'all';
    const services = await ctx.services();
    const { entries, now } = await services.links.service.list(filter);
    const zh = ctx.lang === 'zh-CN';
    for (const e of entries) {
      const state = e.stopped ? (zh ? '已停止' : 'stopped') : e.expiresAt > now ? (zh ? '有效' : 'active') : zh ? '已过期' : 'expired';
      const until = formatLocalDateTime(e.expiresAt, ctx.lang);
      ctx.print({ ...e, state }, `${state.padEnd(8)}  ${until}  ${e.objectKey}`);
    }
    if (!ctx.json && entries.length === 0) ctx.io.stderr.write(zh ? '没有符合条件的链接。\n' : 'No links to show.\n');
    return EXIT_OK;
  },
};
