import { readFileSync } from 'node:fs';
import type { Services } from '../app/services.ts';
import { toUserError } from '../errors/userError.ts';
import { langFromEnv, type Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import { recordingPorts } from '../ports/recordingPorts.ts';
import { dataHome } from '../storage/dataHome.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type CommandContext } from './command.ts';
import { commands } from './commands/index.ts';
import { helpText } from './help.ts';
import { escapingStream, StatusLine } from './terminalText.ts';
import { GLOBAL_FLAGS, splitGlobalFlags } from './args.ts';
import { logToStream } from '../log/logger.ts';
import { checkedProxyFlag } from './proxyFlag.ts';
import { ManagedPolicy } from '../policy/managedPolicy.ts';
import { readMachinePolicy } from '../policy/machinePolicy.ts';
import { checkPresets } from '../accounts/policyPresets.ts';
import { policyProblemText } from '../policy/managedSettingsView.ts';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const defaultIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  isTTY: Boolean(process.stdout.isTTY),
});

/**
 * Runs `ferry …` and returns the exit code: 0 ok, 1 the operation failed, 2 usage error. Everything it
 * prints is escaped (terminalText.ts); only the progress line's own escape sequences reach `terminal` raw.
 */
export async function runCli(argv: string[], terminal: CliIo = defaultIo(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io: CliIo = { ...terminal, stdout: escapingStream(terminal.stdout), stderr: escapingStream(terminal.stderr) };
  const lang = langFromEnv(env);
  const { global, rest, proxy: proxyFlag } = splitGlobalFlags(argv);
  const json = global.has(GLOBAL_FLAGS.json);
  const wantsHelp = global.has(GLOBAL_FLAGS.help) || global.has(GLOBAL_FLAGS.h);
  const version = packageVersion();
  // Ferry's own log lines (and, routed into them, the libraries' console output) on stderr.
  if (global.has(GLOBAL_FLAGS.verbose)) logToStream(io.stderr, 'debug');

  if (rest.length === 0 && (global.has(GLOBAL_FLAGS.version) || global.has(GLOBAL_FLAGS.v))) {
    writeLine(io.stdout, json ? JSON.stringify({ name: 'ferry', version }) : `ferry ${version}`);
    return EXIT_OK;
  }
  const name = rest[0];
  const command = commands.find((c) => c.name === name);
  if (wantsHelp || name === undefined || name === 'help') {
    writeLine(io.stdout, helpText(commands, lang, command));
    return name === undefined && !wantsHelp ? EXIT_USAGE : EXIT_OK;
  }
  if (!command) {
    writeLine(io.stderr, usageMessage(lang, text(lang, 'cli.unknownCommand', { command: name })));
    return EXIT_USAGE;
  }

  let services: Services | undefined;
  let proxy: string | undefined;
  let policy: Promise<ManagedPolicy> | undefined;
  const readPolicy = (): Promise<ManagedPolicy> =>
    (policy ??= readMachinePolicy(env).then((reading) => {
      const managed = new ManagedPolicy(checkPresets(reading));
      const problem = policyProblemText(managed, lang);
      if (problem) writeLine(io.stderr, `ferry: ${problem}`);
      return managed;
    }));
  const ctx: CommandContext = {
    args: rest.slice(1),
    json,
    io,
    env,
    lang,
    home: dataHome(env),
    policy: readPolicy,
    // Loaded on first use: commands such as `ferry sandbox` never pay for the app's services.
    services: async () =>
      (services ??= await (await import('../app/services.ts')).createServices({
        home: dataHome(env),
        ports: recordingPorts(),
        appVersion: version,
        systemLocale: () => env.FERRY_LANG ?? env.LANG ?? 'en',
        env,
        network: await cliNetwork(env, proxy),
        policy: (await readPolicy()).reading,
      })),
    network: () => cliNetwork(env, proxy),
    print(value, human) {
      writeLine(io.stdout, json ? JSON.stringify(value) : human);
    },
    statusLine: new StatusLine(terminal.stdout),
  };

  try {
    proxy = checkedProxyFlag(proxyFlag);
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, usageMessage(lang, text(lang, error.key, error.params)));
      return EXIT_USAGE;
    }
    const failure = toUserError(error, lang, 'cli');
    writeLine(io.stderr, json ? JSON.stringify({ error: failure }) : `ferry: ${failure.message}`);
    return EXIT_FAILED;
  } finally {
    await services?.close();
  }
}

/** HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (either case), with `--proxy` over the proxy variables. */
async function cliNetwork(env: NodeJS.ProcessEnv, proxy: string | undefined) {
  const [{ createNetwork }, { namesAProxy, proxyFromEnv }] = await Promise.all([import('../network/network.ts'), import('../network/proxyFromEnv.ts')]);
  if (!namesAProxy(env, proxy)) return createNetwork();
  return createNetwork({ proxy: { mode: 'system' }, resolveProxy: proxyFromEnv(env, proxy) });
}

function usageMessage(lang: Lang, detail: string): string {
  return `ferry: ${text(lang, 'app.usage', { detail })}`;
}

function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : text + '\n');
}
