import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConnection, type ProfileInput } from '../../accounts/connection.ts';
import { connectionFileName, connectionFileText, connectionLink } from '../../accounts/connectionOutput.ts';
import { destinationsOf, untrustedHosts } from '../../accounts/destinations.ts';
import { testDraftConnection } from '../../accounts/draftConnectionTest.ts';
import { BUCKET, regionFromEndpoint } from '../../accounts/endpoint.ts';
import { currentUserName } from '../../accounts/prefixTemplate.ts';
import { itPolicies } from '../../credentials/ramPolicies.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { text } from '../../i18n/text.ts';
import { CONNECTION_DEFAULTS } from '../../profile/profileModel.ts';
import { systemClock } from '../../time/clock.ts';
import { parseCommandArgs, type OptionSpec, type OptionValues } from '../args.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { askMissing, type Question } from './adminPrompts.ts';
import { policiesForJson, policiesText } from './adminPolicies.ts';
import { readSecretLines } from './profileSecrets.ts';
import { printTestSteps } from './testSteps.ts';

/** `ferry admin create` flags → connection file fields (the same names as `ferry profile add`). */
const FIELD_FLAGS: Record<string, string> = {
  name: 'name',
  bucket: 'bucket',
  region: 'region',
  endpoint: 'endpoint',
  role: 'roleArn',
  prefix: 'prefixTemplate',
  sts: 'stsEndpoint',
  duration: 'sessionDurationSeconds',
  expiry: 'defaultLinkExpiry',
  sig: 'signatureVersion',
};
const SECRET_FLAG = /secret|token$|password|--key\b|access-key/i;
const POLICY_OPTIONS: OptionSpec = { 'link-signing': { type: 'boolean' }, 'access-logs': { type: 'string' } };
const TEST_OPTIONS: OptionSpec = { 'allow-host': { type: 'string', multiple: true } };

const QUESTIONS: Question[] = [
  { flag: 'name', ask: 'cli.admin.ask.name' },
  { flag: 'bucket', ask: 'cli.admin.ask.bucket' },
  { flag: 'region', ask: 'cli.admin.ask.region', fallback: 'cn-hangzhou' },
  { flag: 'role', ask: 'cli.admin.ask.role' },
  { flag: 'prefix', ask: 'cli.admin.ask.prefix', fallback: CONNECTION_DEFAULTS.prefixTemplate },
];

function parse(args: string[], options: OptionSpec): { values: OptionValues; positionals: string[] } {
  return parseCommandArgs(args, options, 'admin', (flag) => (SECRET_FLAG.test(flag) ? 'cli.usage.noSecretFlags' : undefined));
}

/** `--access-logs BUCKET/PREFIX`: where OSS writes the bucket's access logs. */
function accessLogsTarget(value: string | undefined): { bucket: string; prefix: string } | undefined {
  if (value === undefined) return undefined;
  const slash = value.indexOf('/');
  const bucket = slash < 0 ? value : value.slice(0, slash);
  const prefix = slash < 0 ? '' : value.slice(slash + 1);
  // eslint-disable-next-line no-control-regex
  if (!BUCKET.test(bucket) || prefix.startsWith('/') || /[\u0000-\u001f\u007f*?\\]/.test(prefix)) throw new UsageError('cli.usage.adminAccessLogs', { value });
  return { bucket, prefix };
}

/**
 * The very parser staff's Ferry reads the file with: what passes here imports there. Its refusals speak
 * to staff ("ask IT"); here they name the flag IT typed.
 */
function checkedConnection(raw: Record<string, unknown>): ProfileInput {
  try {
    return parseConnection(JSON.stringify(raw));
  } catch (error) {
    if (!(error instanceof FerryError)) throw error;
    const field = String(error.params.field ?? '');
    const flag = Object.keys(FIELD_FLAGS).find((f) => FIELD_FLAGS[f] === field);
    if (!flag) throw error;
    if (error.code.startsWith('accounts.address.')) throw new UsageError('cli.usage.adminBadAddress', { flag: `--${flag}` });
    throw new UsageError('cli.usage.adminInvalid', { flag: `--${flag}` });
  }
}

function allowedHosts(values: OptionValues): string[] {
  return ((values['allow-host'] as string[] | undefined) ?? []).map((host) => {
    if (!host) throw new UsageError('cli.usage.allowHostNeedsName');
    return host.toLowerCase();
  });
}

function policiesOf(connection: ProfileInput, values: OptionValues) {
  if (!connection.roleArn) throw new UsageError('cli.usage.adminNeedsRole');
  const accessLogs = accessLogsTarget(values['access-logs'] as string | undefined);
  return itPolicies({
    bucket: connection.bucket,
    prefixTemplate: connection.prefixTemplate ?? CONNECTION_DEFAULTS.prefixTemplate,
    roleArn: connection.roleArn,
    linkSigning: values['link-signing'] === true,
    ...(accessLogs ? { accessLogs } : {}),
  });
}

/** A connection file or `ferry://connect` link, read by the same parser `ferry profile import` and the window use. */
async function readConnection(ref: string | undefined, extra: number): Promise<ProfileInput> {
  if (!ref || extra > 0) throw new UsageError('cli.usage.adminNeedsConnection');
  const content = /^ferry:/i.test(ref)
    ? ref
    : await readFile(ref, 'utf8').catch(() => {
        throw new UsageError('cli.usage.cannotReadFile', { file: ref });
      });
  return parseConnection(content);
}

/**
 * The key to test with: OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET, else stdin (ID, then secret, one per
 * line) or a prompt that does not echo. Never a flag; held in memory for the test only. Undefined when
 * the person pressed Enter at the prompt (skip the test).
 */
async function testKey(ctx: CommandContext): Promise<{ accessKeyId: string; accessKeySecret: string } | undefined> {
  const fromEnv = { accessKeyId: ctx.env.OSS_ACCESS_KEY_ID?.trim() ?? '', accessKeySecret: ctx.env.OSS_ACCESS_KEY_SECRET?.trim() ?? '' };
  if (fromEnv.accessKeyId && fromEnv.accessKeySecret) return fromEnv;
  if (ctx.io.stdin.isTTY) {
    ctx.io.stderr.write(`${text(ctx.lang, 'cli.admin.askKey')}\n`);
    const [accessKeyId = ''] = await readSecretLines(ctx.io, ['AccessKey ID: ']);
    if (!accessKeyId.trim()) return undefined;
    const [accessKeySecret = ''] = await readSecretLines(ctx.io, ['AccessKey secret: ']);
    return { accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim() };
  }
  const [accessKeyId = '', accessKeySecret = ''] = await readSecretLines(ctx.io, ['', '']);
  if (!accessKeyId || !accessKeySecret) throw new UsageError('cli.usage.adminNeedsKey');
  return { accessKeyId, accessKeySecret };
}

/** The test signs AssumeRole with the key whatever sign-in the file names. */
const reachOf = (connection: ProfileInput) => ({ ...connection, credentialSource: 'keychain-role' as const });

/** As `ferry profile add`: a host outside Alibaba Cloud is used only when named with --allow-host. */
function refuseUntrusted(connection: ProfileInput, allowHosts: string[]): void {
  const missing = untrustedHosts(reachOf(connection)).filter((host) => !allowHosts.includes(host));
  if (missing.length > 0) throw new FerryError('accounts.hostNeedsAllowFlag', { hosts: missing.join(', '), flags: missing.map((h) => `--allow-host ${h}`).join(' ') });
}

/** Before a key is typed at a prompt, where it will be used. */
function showDestinations(ctx: CommandContext, connection: ProfileInput): void {
  if (!ctx.io.stdin.isTTY) return;
  const hosts = destinationsOf(reachOf(connection)).map((d) => `${d.host} (${text(ctx.lang, d.role === 'storage' ? 'cli.profile.roleStorage' : 'cli.profile.roleSts')})`);
  ctx.io.stderr.write(`${text(ctx.lang, 'cli.profile.destinations', { hosts: hosts.join(', ') })}\n`);
}

/** Runs the connection test with `key`; the steps on stdout, what failed on stderr. */
async function runTest(ctx: CommandContext, connection: ProfileInput, key: { accessKeyId: string; accessKeySecret: string }): Promise<number> {
  if (!ctx.json) ctx.print({}, `\n${text(ctx.lang, 'cli.admin.testing')}`);
  const result = await testDraftConnection(connection, key, { network: await ctx.network(), clock: systemClock, user: currentUserName(), lang: ctx.lang, surface: 'cli' });
  // The key came from IT just now, not from a keychain: that step says nothing here.
  printTestSteps(ctx, { ok: result.ok, steps: result.steps.filter((s) => s.id !== 'keychain') }, false);
  if (!ctx.json) ctx.print({}, text(ctx.lang, result.ok ? 'cli.admin.testPassed' : 'cli.admin.testFailed'));
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

const subcommands: Record<string, (ctx: CommandContext, args: string[]) => Promise<number>> = {
  async create(ctx, args) {
    const options: OptionSpec = { ...POLICY_OPTIONS, ...TEST_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' }, 'no-test': { type: 'boolean' } };
    for (const flag of Object.keys(FIELD_FLAGS)) options[flag] = { type: 'string' };
    const { values, positionals } = parse(args, options);
    if (positionals.length) throw new UsageError('cli.usage.unexpectedArgument', { argument: positionals[0]! });
    const given = Object.fromEntries(Object.keys(FIELD_FLAGS).map((flag) => [flag, values[flag] as string | undefined]));
    // An Alibaba Cloud endpoint names the region: no need to ask.
    const questions = QUESTIONS.filter((q) => !(q.flag === 'region' && given.endpoint !== undefined && regionFromEndpoint(given.endpoint)));
    const answers = ctx.io.stdin.isTTY ? await askMissing(ctx.io, ctx.lang, given, questions) : given;
    // An Alibaba Cloud endpoint names its region; any other (a sandbox's) needs --region too.
    const regionKnown = Boolean(answers.region || (answers.endpoint && regionFromEndpoint(answers.endpoint)));
    const missing = ['name', 'bucket', 'region', 'role'].filter((flag) => !answers[flag] && !(flag === 'region' && regionKnown));
    if (missing.length) throw new UsageError('cli.usage.adminMissing', { flags: missing.map((f) => `--${f}`).join(', ') });

    // The folder is written out even when it is the default: the role policy below is scoped to it.
    const raw: Record<string, unknown> = { prefixTemplate: CONNECTION_DEFAULTS.prefixTemplate };
    for (const [flag, field] of Object.entries(FIELD_FLAGS)) {
      const value = answers[flag];
      if (value !== undefined) raw[field] = field === 'sessionDurationSeconds' ? Number(value) : value;
    }
    const connection = checkedConnection(raw);
    const allowHosts = allowedHosts(values);
    const policies = policiesOf(connection, values);
    const testing = values['no-test'] !== true;
    if (testing) refuseUntrusted(connection, allowHosts);
    // Scripts give the key before anything is written, so a missing key changes nothing.
    const scriptedKey = testing && !ctx.io.stdin.isTTY ? await testKey(ctx) : undefined;

    const out = path.resolve((values.out as string | undefined) ?? connectionFileName(connection.name));
    if (existsSync(out) && values.force !== true) throw new UsageError('cli.usage.adminOutExists', { file: out });
    await writeFile(out, connectionFileText(connection), { mode: 0o644 }).catch(() => {
      throw new UsageError('cli.usage.adminCannotWrite', { file: out });
    });
    const link = connectionLink(connection);
    ctx.print(
      { file: out, link, connection, policies: policiesForJson(policies) },
      [text(ctx.lang, 'cli.admin.wrote', { file: out }), text(ctx.lang, 'cli.admin.link', { link }), '', policiesText(ctx, policies, values['access-logs'] !== undefined)].join('\n'),
    );
    if (!testing) return EXIT_OK;
    showDestinations(ctx, connection);
    const key = scriptedKey ?? (await testKey(ctx));
    if (!key) {
      ctx.print({ tested: false }, text(ctx.lang, 'cli.admin.testSkipped', { file: out }));
      return EXIT_OK;
    }
    return runTest(ctx, connection, key);
  },
  async policies(ctx, args) {
    const { values, positionals } = parse(args, POLICY_OPTIONS);
    const connection = await readConnection(positionals[0], positionals.length - 1);
    const policies = policiesOf(connection, values);
    ctx.print({ policies: policiesForJson(policies) }, policiesText(ctx, policies, values['access-logs'] !== undefined));
    return EXIT_OK;
  },
  async test(ctx, args) {
    const { values, positionals } = parse(args, TEST_OPTIONS);
    const connection = await readConnection(positionals[0], positionals.length - 1);
    if (!connection.roleArn) throw new UsageError('cli.usage.adminNeedsRole');
    refuseUntrusted(connection, allowedHosts(values));
    showDestinations(ctx, connection);
    const key = await testKey(ctx);
    if (!key) throw new UsageError('cli.usage.adminNeedsKey');
    return runTest(ctx, connection, key);
  },
};

export const adminCommand: Command = {
  name: 'admin',
  usage:
    'ferry admin create [--name N] [--bucket B] [--region R | --endpoint URL] [--role ARN] [--prefix P] [--sts URL] [--duration S] [--expiry 1d] [--sig v4|v1]\n' +
    '                   [--out FILE] [--force] [--link-signing] [--access-logs BUCKET/PREFIX] [--no-test] [--allow-host HOST]\n' +
    '       ferry admin policies <file.ferry.json | ferry://connect?…> [--link-signing] [--access-logs BUCKET/PREFIX]\n' +
    '       ferry admin test <file.ferry.json | ferry://connect?…> [--allow-host HOST]\n\n' +
    'For IT. create writes the connection file staff import (default: named after the connection), prints its\n' +
    'ferry://connect link and the RAM policies to create, then tests it live. In a terminal it asks for what the\n' +
    'flags leave out. The key to test with (one allowed to assume the role) comes from OSS_ACCESS_KEY_ID and\n' +
    'OSS_ACCESS_KEY_SECRET, from stdin (ID, then secret, one per line) or a prompt; never from a flag, and it is\n' +
    'never saved.',
  summary: 'cli.admin.summary',
  subcommands: Object.keys(subcommands),
  async run(ctx) {
    const [name, ...rest] = ctx.args;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) throw name === undefined ? new UsageError('cli.usage.adminNeedsSubcommand') : new UsageError('cli.usage.adminUnknownSubcommand', { subcommand: name });
    return sub(ctx, rest);
  },
};
