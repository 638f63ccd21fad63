import type { Services } from '../../app/services.ts';
import { EXPIRY_PRESETS } from '../../contract/expiryPresets.ts';
import { FerryError, isFerryError } from '../../errors/ferryError.ts';
import { UsageError, EXIT_FAILED, EXIT_OK, type Command } from '../command.ts';
import { toUserError } from '../../errors/userError.ts';
import type { TextKey } from '../../i18n/text.ts';
import { parseCommandArgs, type OptionSpec } from '../args.ts';
import { profileIdByRef } from '../profileRef.ts';

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
  return profileIdByRef(services, ref, () => new FerryError('accounts.profileNotFound'));
}

/** Errors about the options themselves (the same for every key). */
const USAGE_CODES = new Set(['links.expiryInvalid', 'links.expiryInPast', 'links.badSourceIp', 'links.badLimit', 'policy.expiryAboveMaximum.minutes', 'policy.expiryAboveMaximum.hours', 'policy.expiryAboveMaximum.days', 'policy.ipRequired']);

export const linkCommand: Command = {
  name: 'link',
  usage: `ferry link <key…> [--expires ${EXPIRY_PRESETS.join('|')}|<date-time>] [--inline] [--ip <address or CIDR>] [--limit <KB/s>] [--message] [--profile <name>]`,
  summary: 'cli.link.summary',
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: ['--expires', '--ip', '--limit', '--profile'], switches: ['--inline', '--message'] }, 'link');
    if (positional.length === 0) throw new UsageError('cli.usage.linkNeedsKey');
    const limitText = flags.get('--limit');
    const limitKBps = typeof limitText === 'string' ? Number(limitText) : undefined;
    if (limitKBps !== undefined && !Number.isInteger(limitKBps)) throw new UsageError('cli.usage.limitWhole');
    const services = await ctx.services();
    const profileId = await profileIdFor(services, flags.get('--profile') as string | undefined);
    let failures = 0;
    // One link per key, in the order given: the URL (or the message) on stdout, what went wrong on stderr.
    for (const objectKey of positional) {
      const request = {
        objectKey,
        profileId,
        expiry: flags.get('--expires') as string | undefined,
        inline: flags.has('--inline'),
        sourceIp: flags.get('--ip') as string | undefined,
        limitKBps,
      };
      try {
        const result = flags.has('--message')
          ? await services.links.service.copyMessage(request, ctx.lang)
          : await services.links.service.checkedLink(request, ctx.lang);
        if (ctx.json) {
          ctx.print(result, '');
        } else {
          ctx.io.stdout.write(`${flags.has('--message') ? await services.ports.clipboard.readText() : result.url}\n`);
          ctx.io.stderr.write(`${result.summary}\n`);
        }
      } catch (error) {
        // A bad option value is the same for every key: a usage error (exit 2), not one failure per key.
        if (isFerryError(error) && USAGE_CODES.has(error.code)) throw new UsageError(`cli.${error.code}` as TextKey, error.params);
        failures++;
        const failure = toUserError(error, ctx.lang, 'cli');
        if (ctx.json) ctx.print({ objectKey, error: failure }, '');
        ctx.io.stderr.write(`ferry: ${failure.message}\n`);
      }
    }
    return failures === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
