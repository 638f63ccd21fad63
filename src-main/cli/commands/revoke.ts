import { createInterface } from 'node:readline/promises';
import { text } from '../../i18n/text.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseArgs, profileIdFor } from './link.ts';

async function confirmOnTerminal(ctx: CommandContext, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  try {
    const answer = await rl.question(`${question} ${text(ctx.lang, 'cli.revoke.typeYes')} `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export const revokeCommand: Command = {
  name: 'revoke',
  usage: 'ferry revoke <key> --delete|--move [--yes] [--profile <name>]',
  summary: 'cli.revoke.summary',
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: ['--profile'], switches: ['--delete', '--move', '--yes'] }, 'revoke');
    const [objectKey, ...extra] = positional;
    if (!objectKey || extra.length) throw new UsageError('cli.usage.revokeOneKey');
    if (flags.has('--delete') === flags.has('--move')) throw new UsageError('cli.usage.revokeMode');
    const mode = flags.has('--delete') ? 'delete' : 'move';
    const ask = mode === 'delete' && !flags.has('--yes');
    if (ask && !ctx.io.stdin.isTTY) throw new UsageError('cli.usage.revokeNeedsYes');
    const services = await ctx.services();
    const profileId = await profileIdFor(services, flags.get('--profile') as string | undefined);
    if (ask) {
      const name = objectKey.slice(objectKey.lastIndexOf('/') + 1);
      const question = text(ctx.lang, 'links.stop.deleteMessage', { name });
      if (!(await confirmOnTerminal(ctx, question))) return EXIT_FAILED;
    }
    const result = await services.links.stop({ objectKey, profileId, mode, confirmed: true }, ctx.lang);
    const human = text(ctx.lang, mode === 'delete' ? 'links.cli.deleted' : 'links.cli.moved', {
      key: objectKey,
      newKey: result.newObjectKey ?? '',
      count: result.linksStopped,
    });
    ctx.print(result, human);
    return EXIT_OK;
  },
};
