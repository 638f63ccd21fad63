import type { Services } from '../../app/services.ts';
import { EXPIRY_PRESETS } from '../../contract/expiryPresets.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { UsageError, EXIT_OK, type Command } from '../command.ts';
import { parseCommandArgs, type OptionSpec } from '../args.ts';

/** `--flag value` / `--flag=value` / bare switches, `--` honoured (args.ts); anything unknown is a usage error. */
export function parseArgs(
  args: string[],
  spec: { values: readonly string[]; switches: readonly string[] },
  command: string,
): { flags: Map<string, string | true>; positional: string[] } {
  const options: OptionSpec = {};
  for (const flag of spec.values) options[flag.slice(2)] = { type: 'string' };
  for (const flag of spec.switches) options[flag.slice(2)] = { type: 'boolean' };
  const { values, positionals } = parseCommandArgs(args, options, command);
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new UsageError('cli.usage.needsValue', { flag: `--${name}` });
    if (typeof value === 'string' || value === true) flags.set(`--${name}`, value);
  }
  return { flags, positional: positionals };
}

/** `--profile` by id or name; the active profile when absent. */
export async function profileIdFor(services: Services, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  const { profiles } = await services.accounts.list();
  const found = profiles.find((p) => p.id === ref) ?? profiles.find((p) => p.name === ref);
  if (!found) throw new FerryError('accounts.profileNotFound');
  return found.id;
}

export const linkCommand: Command = {
  name: 'link',
  usage: `ferry link <key> [--expires ${EXPIRY_PRESETS.join('|')}|<date-time>] [--inline] [--ip <address or CIDR>] [--limit <KB/s>] [--message] [--profile <name>]`,
  summary: 'cli.link.summary',
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: ['--expires', '--ip', '--limit', '--profile'], switches: ['--inline', '--message'] }, 'link');
    const [objectKey, ...extra] = positional;
    if (!objectKey || extra.length) throw new UsageError('cli.usage.linkOneKey');
    const limitText = flags.get('--limit');
    const limitKBps = typeof limitText === 'string' ? Number(limitText) : undefined;
    if (limitKBps !== undefined && !Number.isInteger(limitKBps)) throw new UsageError('cli.usage.limitWhole');
    const services = await ctx.services();
    const request = {
      objectKey,
      profileId: await profileIdFor(services, flags.get('--profile') as string | undefined),
      expiry: flags.get('--expires') as string | undefined,
      inline: flags.has('--inline'),
      sourceIp: flags.get('--ip') as string | undefined,
      limitKBps,
    };
    const result = flags.has('--message')
      ? await services.links.service.copyMessage(request, ctx.lang)
      : await services.links.service.copy(request, ctx.lang);
    if (ctx.json) {
      ctx.print(result, '');
    } else {
      const clipboard = await services.ports.clipboard.readText();
      ctx.io.stdout.write(`${flags.has('--message') ? clipboard : result.url}\n`);
      ctx.io.stderr.write(`${result.summary}\n`);
    }
    return EXIT_OK;
  },
};
