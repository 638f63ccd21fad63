import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FerryError } from '../../errors/ferryError.ts';
import { SandboxConfigError, startSandbox, type SandboxHandle } from '../../sandbox/index.ts';
import { EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseCommandArgs } from '../args.ts';

interface SandboxArgs {
  port: number;
  data: string | undefined;
  config: string | undefined;
}

function parseSandboxArgs(args: string[]): SandboxArgs {
  const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, data: { type: 'string' }, config: { type: 'string' } }, 'sandbox');
  if (positionals.length) throw new UsageError('cli.usage.unexpectedArgument', { argument: positionals[0]! });
  const given = (name: 'port' | 'data' | 'config'): string | undefined => {
    const v = values[name];
    if (v === '') throw new UsageError('cli.usage.needsValue', { flag: `--${name}` });
    return typeof v === 'string' ? v : undefined;
  };
  const portText = given('port');
  if (portText !== undefined && (!/^\d+$/.test(portText) || Number(portText) > 65535)) throw new UsageError('cli.usage.badPort', { value: portText });
  return { port: portText === undefined ? 0 : Number(portText), data: given('data'), config: given('config') };
}

async function readConfig(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new FerryError('sandbox.configUnreadable', { file }, { cause: error });
  }
}

async function start(args: SandboxArgs, dataDir: string, config: unknown): Promise<SandboxHandle> {
  try {
    return await startSandbox({ dataDir, port: args.port, ...(config !== undefined ? { config } : {}) });
  } catch (error) {
    if (error instanceof SandboxConfigError) {
      throw new FerryError('sandbox.configInvalid', { file: args.config ?? '', problems: error.message.split('\n').slice(1).join('\n') });
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new FerryError('sandbox.portInUse', { port: args.port }, { cause: error });
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') throw new FerryError('sandbox.dataFolderUnusable', { folder: dataDir }, { cause: error });
    throw error;
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  usage: 'ferry sandbox [--port N] [--data DIR] [--config FILE]',
  summary: 'cli.sandbox.summary',
  async run(ctx: CommandContext): Promise<number> {
    const args = parseSandboxArgs(ctx.args);
    (await ctx.policy()).checkTrialAllowed();
    const dataDir = path.resolve(args.data ?? path.join(ctx.home, 'sandbox'));
    const config = args.config === undefined ? undefined : await readConfig(args.config);
    const sandbox = await start(args, dataDir, config);
    const stopped = untilSignal();
    // The demo key is a local, sandbox-only credential: printing it is this command's purpose.
    ctx.io.stdout.write(
      JSON.stringify({
        ossEndpoint: sandbox.ossEndpoint,
        stsEndpoint: sandbox.stsEndpoint,
        region: sandbox.region,
        bucket: sandbox.demo?.bucket,
        accessKeyId: sandbox.demo?.accessKeyId,
        accessKeySecret: sandbox.demo?.accessKeySecret,
        roleArn: sandbox.demo?.roleArn,
      }) + '\n',
    );
    await stopped;
    await sandbox.close();
    return EXIT_OK;
  },
};
