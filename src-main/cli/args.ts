import { parseArgs } from 'node:util';
import type { TextKey } from '../i18n/text.ts';
import { UsageError } from './command.ts';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** The flags every command takes, wherever they stand before a `--`. */
export const GLOBAL_FLAGS = { json: '--json', help: '--help', h: '-h', version: '--version', v: '-v', verbose: '--verbose' } as const;
const GLOBAL = new Set<string>(Object.values(GLOBAL_FLAGS));

/** The one global flag with a value: `--proxy URL` or `--proxy=URL`. */
export const PROXY_FLAG = '--proxy';

/**
 * Splits the global flags off `argv`; everything after a `--` is left as it is (a file may be called --json).
 * `proxy` is '' when `--proxy` was given without a value.
 */
export function splitGlobalFlags(argv: readonly string[]): { global: Set<string>; rest: string[]; proxy?: string } {
  const global = new Set<string>();
  const rest: string[] = [];
  let proxy: string | undefined;
  let literal = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!literal && GLOBAL.has(arg)) global.add(arg);
    else if (!literal && arg === PROXY_FLAG) proxy = argv[++i] ?? '';
    else if (!literal && arg.startsWith(`${PROXY_FLAG}=`)) proxy = arg.slice(PROXY_FLAG.length + 1);
    else rest.push(arg);
    if (arg === '--') literal = true;
  }
  return { global, rest, ...(proxy === undefined ? {} : { proxy }) };
}

/**
 * A command's own arguments, parsed by node:util's parseArgs (`--flag value`, `--flag=value`, `--`
 * ends the options); anything it refuses becomes a usage error (exit 2) in the user's language.
 */
export function parseCommandArgs(
  args: readonly string[],
  options: OptionSpec,
  command: string,
  unknown?: (flag: string) => TextKey | undefined,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(-[^'\s=]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const key = unknown?.(flag);
      throw key ? new UsageError(key) : new UsageError('cli.usage.unknownOption', { flag, command });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) throw new UsageError('cli.usage.unknownOption', { flag: args.find((a) => a.startsWith(`${flag}=`)) ?? flag, command });
      throw new UsageError('cli.usage.needsValue', { flag });
    }
    throw error;
  }
}
