import type { Lang } from '../i18n/lang.ts';
import { text, type TemplateParams, type TextKey } from '../i18n/text.ts';
import type { Services } from '../app/services.ts';
import type { Network } from '../network/network.ts';
import type { StatusLine } from './terminalText.ts';
import type { ManagedPolicy } from '../policy/managedPolicy.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** True when stdout is a terminal (progress bars only then). */
  isTTY: boolean;
}

export interface CommandContext {
  /** Arguments after the command name, with the global flags (--json, --help) removed. */
  args: string[];
  /** `--json`: print exactly one JSON object per line on stdout, nothing else. */
  json: boolean;
  io: CliIo;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  /** The data folder (FERRY_HOME or the per-user folder the app uses). */
  home: string;
  /** IT's managed settings, read on first use (a malformed policy is reported on stderr once, and ignored). */
  policy(): Promise<ManagedPolicy>;
  /** Ferry's services, created on first use (headless ports: no window, no clipboard). */
  services(): Promise<Services>;
  /** How requests leave this command (proxy flag and variables applied), without the app's services. */
  network(): Promise<Network>;
  /** Prints one JSON line (with --json) or the human text. */
  print(json: unknown, human: string): void;
  /** The line redrawn in place on a terminal (progress); `io` escapes the sequences this one sends. */
  statusLine: StatusLine;
}

export interface Command {
  name: string;
  /** `ferry <name> …` synopsis shown in --help. */
  usage: string;
  /** One line for --help, from the catalog (`cli.<name>.summary`). */
  summary: TextKey;
  /** `ferry <name> <subcommand> …`: the subcommands there are (messages may name only these). */
  subcommands?: readonly string[];
  /** Returns the exit code; throw UsageError for bad arguments and FerryError for failures. */
  run(ctx: CommandContext): Promise<number>;
}

/** Bad arguments: exit code 2, the text for `key` in the user's language to stderr. */
export class UsageError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params: TemplateParams = {},
  ) {
    super(text('en', key, params));
    this.name = 'UsageError';
  }
}
