import { readFile } from 'node:fs/promises';
import { ProfileInputSchema } from '../../contract/profiles.ts';
import { parseConnection } from '../../accounts/connection.ts';
import type { ProfileView } from '../../accounts/profileView.ts';
import type { Services } from '../../app/services.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseCommandArgs, type OptionSpec } from '../args.ts';
import { readSecretLines } from './profileSecrets.ts';
import { printTestSteps } from './testSteps.ts';
import { profileIdByRef } from '../profileRef.ts';
import { text } from '../../i18n/text.ts';
import { destinationsOf, untrustedHosts } from '../../accounts/destinations.ts';
import type { ProfileInputParsed } from '../../accounts/accountsService.ts';
import { sourceOf } from '../../credentials/sources/index.ts';
import type { CredentialSourceKind } from '../../profile/profileModel.ts';

const FLAGS: Record<string, string> = {
  '--name': 'name',
  '--endpoint': 'endpoint',
  '--region': 'region',
  '--bucket': 'bucket',
  '--prefix': 'prefixTemplate',
  '--role': 'roleArn',
  '--sts': 'stsEndpoint',
  '--duration': 'sessionDurationSeconds',
  '--expiry': 'defaultLinkExpiry',
  '--sig': 'signatureVersion',
  '--source': 'credentialSource',
  '--token-service': 'tokenServiceUrl',
};
const SECRET_FLAG = /secret|token$|password|--key\b|access-key/i;

interface ParsedFlags {
  fields: Record<string, unknown>;
  positional: string[];
  noActivate: boolean;
  /** Hosts outside Alibaba Cloud the person named with --allow-host. */
  allowHosts: string[];
}

function parseFlags(args: string[]): ParsedFlags {
  const options: OptionSpec = { 'no-activate': { type: 'boolean' }, 'allow-host': { type: 'string', multiple: true } };
  for (const flag of Object.keys(FLAGS)) options[flag.slice(2)] = { type: 'string' };
  const { values, positionals } = parseCommandArgs(args, options, 'profile', (flag) => (SECRET_FLAG.test(flag) ? 'cli.usage.noSecretFlags' : undefined));
  const allowHosts = ((values['allow-host'] as string[] | undefined) ?? []).map((host) => {
    if (!host) throw new UsageError('cli.usage.allowHostNeedsName');
    return host.toLowerCase();
  });
  const fields: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(FLAGS)) {
    const value = values[flag.slice(2)];
    if (typeof value === 'string') fields[field] = field === 'sessionDurationSeconds' ? Number(value) : value;
  }
  return { fields, positional: positionals, noActivate: values['no-activate'] === true, allowHosts };
}

async function readSecrets(ctx: CommandContext, source: CredentialSourceKind | undefined) {
  const secret = sourceOf(source).keychainSecret;
  if (secret === 'access-key') {
    const [accessKeyId = '', accessKeySecret = ''] = await readSecretLines(ctx.io, ['AccessKey ID: ', 'AccessKey secret: ']);
    return { accessKey: { accessKeyId, accessKeySecret } };
  }
  if (secret === 'temporary') {
    const [accessKeyId = '', accessKeySecret = '', securityToken = '', expiration = ''] = await readSecretLines(ctx.io, [
      'AccessKey ID (STS.…): ',
      'AccessKey secret: ',
      'Security token: ',
      'Expiration (e.g. 2026-05-26T12:00:00Z): ',
    ]);
    return { temporaryCredentials: { accessKeyId, accessKeySecret, securityToken, expiration } };
  }
  return {};
}

async function findProfile(services: Services, ref: string | undefined): Promise<string> {
  if (ref === undefined) {
    const { activeId } = await services.accounts.list();
    if (!activeId) throw new FerryError('accounts.noActiveProfile');
    return activeId;
  }
  return profileIdByRef(services, ref, () => new FerryError('accounts.profileNotFound'));
}

function describe(p: ProfileView, active: boolean): string {
  const flags = [active ? 'active' : '', p.uploadOnly ? 'upload-only' : '', p.isSandbox ? 'this computer' : ''].filter(Boolean).join(', ');
  return `${active ? '*' : ' '} ${p.id}  ${p.name}  ${p.bucket} @ ${p.endpoint} (${p.region})  ${p.maskedAccessKeyId ?? p.credentialSource}${flags ? `  [${flags}]` : ''}`;
}

/**
 * A host outside Alibaba Cloud must be named on the command line (the CLI's form of the window's
 * confirmation dialog), and every host is shown before a key is typed at a prompt.
 */
function checkDestinations(ctx: CommandContext, profile: ProfileInputParsed, allowHosts: readonly string[]): void {
  const missing = untrustedHosts(profile, ctx.env).filter((host) => !allowHosts.includes(host));
  if (missing.length > 0) {
    throw new FerryError('accounts.hostNeedsAllowFlag', { hosts: missing.join(', '), flags: missing.map((h) => `--allow-host ${h}`).join(' ') });
  }
  if (ctx.io.stdin.isTTY) {
    const hosts = destinationsOf(profile, ctx.env).map((d) => `${d.host} (${text(ctx.lang, d.role === 'storage' ? 'cli.profile.roleStorage' : d.role === 'sts' ? 'cli.profile.roleSts' : 'cli.profile.roleTokenService')})`);
    if (hosts.length > 0) ctx.io.stderr.write(`${text(ctx.lang, 'cli.profile.destinations', { hosts: hosts.join(', ') })}\n`);
  }
}

async function save(ctx: CommandContext, raw: Record<string, unknown>, flags: Pick<ParsedFlags, 'noActivate' | 'allowHosts'>): Promise<number> {
  const parsed = ProfileInputSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError('cli.usage.profileInvalid', { fields: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  checkDestinations(ctx, parsed.data, flags.allowHosts);
  const secrets = await readSecrets(ctx, parsed.data.credentialSource);
  const services = await ctx.services();
  const view = await services.accounts.save({ profile: parsed.data, ...secrets, makeActive: !flags.noActivate, confirmedHosts: flags.allowHosts });
  const keyNote = view.maskedAccessKeyId ? text(ctx.lang, 'cli.profile.keyStored', { masked: view.maskedAccessKeyId }) : '';
  ctx.print({ profile: view }, text(ctx.lang, 'cli.profile.saved', { name: view.name, id: view.id }) + keyNote);
  return EXIT_OK;
}

const subcommands: Record<string, (ctx: CommandContext, args: string[]) => Promise<number>> = {
  async add(ctx, args) {
    const { fields, positional, ...flags } = parseFlags(args);
    if (positional.length) throw new UsageError('cli.usage.unexpectedArgument', { argument: positional[0]! });
    return save(ctx, fields, flags);
  },
  async import(ctx, args) {
    const { fields, positional, ...flags } = parseFlags(args);
    const ref = positional[0];
    if (!ref || positional.length > 1) throw new UsageError('cli.usage.importNeedsOne');
    const text = /^ferry:/i.test(ref) ? ref : await readFile(ref, 'utf8').catch(() => {
      throw new UsageError('cli.usage.cannotReadFile', { file: ref });
    });
    return save(ctx, { ...parseConnection(text), ...fields }, flags);
  },
  async list(ctx) {
    const { profiles, activeId } = await (await ctx.services()).accounts.list();
    if (ctx.json) for (const p of profiles) ctx.print({ profile: p, active: p.id === activeId }, '');
    else ctx.print({}, profiles.length ? profiles.map((p) => describe(p, p.id === activeId)).join('\n') : text(ctx.lang, 'cli.profile.none'));
    return EXIT_OK;
  },
  async use(ctx, args) {
    if (!args[0]) throw new UsageError('cli.usage.useNeedsName');
    const services = await ctx.services();
    const id = await findProfile(services, args[0]);
    await services.accounts.use(id);
    ctx.print({ activeId: id }, text(ctx.lang, 'cli.profile.using', { id }));
    return EXIT_OK;
  },
  async remove(ctx, args) {
    if (!args[0]) throw new UsageError('cli.usage.removeNeedsName');
    const services = await ctx.services();
    const id = await findProfile(services, args[0]);
    // Typing `ferry profile remove` is the confirmation: there is no window to ask in.
    await services.accounts.remove(id, { confirmed: true });
    ctx.print({ removed: id }, text(ctx.lang, 'cli.profile.removed', { id }));
    return EXIT_OK;
  },
  async 'signing-key'(ctx, args) {
    if (args.length > 1) throw new UsageError('cli.usage.unexpectedArgument', { argument: args[1]! });
    const services = await ctx.services();
    const id = await findProfile(services, args[0]);
    const [accessKeyId = '', accessKeySecret = ''] = await readSecretLines(ctx.io, ['Link-signing AccessKey ID: ', 'Link-signing AccessKey secret: ']);
    const view = await services.accounts.addLinkSigningKey(id, { accessKeyId, accessKeySecret });
    ctx.print({ profile: view }, text(ctx.lang, 'cli.profile.signingKeySaved', { name: view.name }));
    return EXIT_OK;
  },
  /** The key for a saved connection that has none yet — one IT preset through managed settings, above all. */
  async key(ctx, args) {
    if (args.length > 1) throw new UsageError('cli.usage.unexpectedArgument', { argument: args[1]! });
    const services = await ctx.services();
    const id = await findProfile(services, args[0]);
    const stored = await services.accounts.store.get(id);
    const view = (await services.accounts.list()).profiles.find((p) => p.id === id)!;
    const secrets = await readSecrets(ctx, view.credentialSource);
    if (!secrets.accessKey && !secrets.temporaryCredentials) throw new FerryError('accounts.noKeyForSource', { name: view.name });
    const { maskedAccessKeyId: _m, isSandbox: _s, hasLinkSigningKey: _k, uploadOnly: _u, lastTest: _t, credentialsExpireAt: _e, ...fields } = view;
    // The key goes where the connection already points: the hosts confirmed then stay confirmed.
    const saved = await services.accounts.save({ profile: ProfileInputSchema.parse(fields), ...secrets, makeActive: false, confirmedHosts: stored.confirmedHosts ?? [] });
    const keyNote = saved.maskedAccessKeyId ? text(ctx.lang, 'cli.profile.keyStored', { masked: saved.maskedAccessKeyId }) : '';
    ctx.print({ profile: saved }, text(ctx.lang, 'cli.profile.saved', { name: saved.name, id: saved.id }) + keyNote);
    return EXIT_OK;
  },
  async test(ctx, args) {
    const services = await ctx.services();
    const id = await findProfile(services, args[0]);
    const result = await services.accounts.test(id, ctx.lang, 'cli');
    const trial = (await services.accounts.list()).profiles.find((p) => p.id === id)?.isSandbox ?? false;
    // The steps are the result (stdout); what failed is said on stderr, in both modes.
    printTestSteps(ctx, result, trial);
    return result.ok ? EXIT_OK : EXIT_FAILED;
  },
};

export const profileCommand: Command = {
  name: 'profile',
  usage:
    'ferry profile add --name N --bucket B (--region R | --endpoint URL) [--role ARN] [--prefix P] [--sts URL] [--duration S] [--expiry 1d] [--sig v4|v1] [--source keychain-role|env|temporary|token-service] [--token-service URL] [--allow-host HOST] [--no-activate]\n' +
    '       ferry profile import <file.ferry.json | ferry://connect?…> [--allow-host HOST] [--no-activate]\n' +
    '       ferry profile list | use <id|name> | remove <id|name> | test [id|name]\n' +
    '       ferry profile key [id|name]           (the AccessKey for a connection that has none yet, e.g. one your IT department preset)\n' +
    '       ferry profile signing-key [id|name]   (a link-signing key: links last as long as chosen, up to 7 days)\n\n' +
    'Keys are read from stdin (one per line: AccessKey ID, then secret) or asked for; never from arguments.\n' +
    'An address outside Alibaba Cloud (*.aliyuncs.com) or this computer is used only when named with --allow-host.',
  summary: 'cli.profile.summary',
  subcommands: Object.keys(subcommands),
  async run(ctx) {
    const [name, ...rest] = ctx.args;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) throw name === undefined ? new UsageError('cli.usage.profileNeedsSubcommand') : new UsageError('cli.usage.unknownSubcommand', { subcommand: name });
    return sub(ctx, rest);
  },
};
