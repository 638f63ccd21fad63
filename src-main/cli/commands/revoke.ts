import { createInterface } from 'node:readline/promises';
import { formatMessage } from '../../errors/catalog.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseArgs, profileIdFor } from './link.ts';

async function confirmOnTerminal(ctx: CommandContext, question: string): Promise<boolean> {
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  try {
    const answer = await rl.question(`${question} ${ctx.lang === 'zh-CN' ? '输入 yes 继续：' : 'Type yes to continue: '}`);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export const revokeCommand: Command = {
  name: 'revoke',
  usage: 'ferry revoke <key> --delete|--move [--yes] [--profile <name>]',
  summary: {
    en: 'Stop sharing an object. Links already sent cannot be recalled: --delete removes the file; --move puts it under a new key (you keep it) so every old link stops working. Deleting asks first unless --yes.',
    'zh-CN': '停止分享对象。已发出的链接无法撤回：--delete 删除文件；--move 将其移到新位置（文件保留），使所有旧链接失效。删除前会先确认，除非加 --yes。',
  },
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: ['--profile'], switches: ['--delete', '--move', '--yes'] }, 'revoke');
    const [objectKey, ...extra] = positional;
    if (!objectKey || extra.length) throw new UsageError('Give exactly one object key.');
    if (flags.has('--delete') === flags.has('--move')) throw new UsageError('Choose how to stop sharing: --delete or --move.');
    const mode = flags.has('--delete') ? 'delete' : 'move';
    const ask = mode === 'delete' && !flags.has('--yes');
    if (ask && !ctx.io.stdin.isTTY) throw new UsageError('Deleting cannot be undone: add --yes to confirm when not running in a terminal.');
    const services = await ctx.services();
    const profileId = await profileIdFor(services, flags.get('--profile') as string | undefined);
    if (ask) {
      const name = objectKey.slice(objectKey.lastIndexOf('/') + 1);
      const question = formatMessage('links.stop.deleteMessage', ctx.lang, { name });
      if (!(await confirmOnTerminal(ctx, question))) return EXIT_FAILED;
    }
    const result = await services.links.stop({ objectKey, profileId, mode, confirmed: true }, ctx.lang);
    const human = formatMessage(mode === 'delete' ? 'links.cli.deleted' : 'links.cli.moved', ctx.lang, {
      key: objectKey,
      newKey: result.newObjectKey ?? '',
      count: result.linksStopped,
    });
    ctx.print(result, human);
    return EXIT_OK;
  },
};
