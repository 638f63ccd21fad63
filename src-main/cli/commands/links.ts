import { text } from '../../i18n/text.ts';
import { formatLocalDateTime } from '../../links/formatTime.ts';
import { EXIT_OK, UsageError, type Command } from '../command.ts';
import { parseArgs } from './link.ts';

export const linksCommand: Command = {
  name: 'links',
  usage: 'ferry links [--active|--expired]',
  summary: 'cli.links.summary',
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: [], switches: ['--active', '--expired'] }, 'links');
    if (positional.length) throw new UsageError('cli.usage.unexpectedArgument', { argument: positional[0]! });
    if (flags.has('--active') && flags.has('--expired')) throw new UsageError('cli.usage.activeOrExpired');
    const filter = flags.has('--active') ? 'active' : flags.has('--expired') ? 'expired' : 'all';
    const services = await ctx.services();
    const { entries, now } = await services.links.service.list(filter);
    for (const { linkHashes: _hashes, remindedAt: _reminded, ...e } of entries) {
      const state = text(ctx.lang, e.stopped ? 'cli.links.stopped' : e.expiresAt > now ? 'cli.links.active' : 'cli.links.expired');
      const until = formatLocalDateTime(e.expiresAt, ctx.lang);
      const opened = e.opens?.count ? `  (${text(ctx.lang, 'cli.links.opened', { count: e.opens.count })})` : '';
      ctx.print({ ...e, state }, `${state.padEnd(8)}  ${until}  ${e.objectKey}${opened}`);
    }
    if (!ctx.json && entries.length === 0) ctx.io.stderr.write(`${text(ctx.lang, 'cli.links.none')}\n`);
    return EXIT_OK;
  },
};
