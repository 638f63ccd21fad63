import { text } from '../../i18n/text.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../command.ts';
import { profileIdByRef } from '../profileRef.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { parseArgs } from './link.ts';
import { printTestSteps } from './testSteps.ts';

/** For IT: which connection this computer uses, where it points, and the connection test's steps. */
export const statusCommand: Command = {
  name: 'status',
  usage: 'ferry status [--profile <name>]',
  summary: 'cli.status.summary',
  async run(ctx) {
    const { flags, positional } = parseArgs(ctx.args, { values: ['--profile'], switches: [] }, 'status');
    if (positional.length) throw new UsageError('cli.usage.unexpectedArgument', { argument: positional[0]! });
    const services = await ctx.services();
    const ref = flags.get('--profile');
    const { profiles, activeId } = await services.accounts.list();
    const id = typeof ref === 'string' ? await profileIdByRef(services, ref, () => new FerryError('accounts.profileNotFound')) : activeId;
    if (!id) throw new FerryError('accounts.noActiveProfile');
    const view = profiles.find((p) => p.id === id);
    if (!view) throw new FerryError('accounts.profileNotFound');
    ctx.print(
      { profile: view, active: id === activeId },
      text(ctx.lang, 'cli.status.connection', {
        name: view.name,
        id: view.id,
        bucket: view.bucket,
        endpoint: view.endpoint,
        region: view.region,
        source: view.credentialSource,
        key: view.maskedAccessKeyId ?? '—',
      }),
    );
    const result = await services.accounts.test(id, ctx.lang, 'cli');
    printTestSteps(ctx, result, view.isSandbox);
    return result.ok ? EXIT_OK : EXIT_FAILED;
  },
};
