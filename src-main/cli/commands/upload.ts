import type { Services } from '../../app/services.ts';
import { text } from '../../i18n/text.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { visibleName } from '../../names/inertName.ts';
import type { UploadItem } from '../../uploads/queueEntry.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseCommandArgs } from '../args.ts';
import { EXPIRY_PRESETS } from '../../contract/expiryPresets.ts';
import { isFerryError } from '../../errors/ferryError.ts';
import { toUserError } from '../../errors/userError.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { TextKey } from '../../i18n/text.ts';
import { requestedExpiry } from '../../links/expiry.ts';
import { profileIdByRef } from '../profileRef.ts';

interface UploadArgs {
  paths: string[];
  profile?: string;
  collision?: 'keepBoth' | 'replace';
  /** `--link [--expires …]`: a share link for each uploaded file. */
  link?: { expiry: string | undefined };
  /** `--zip NAME`: everything named goes into one zip of that name, uploaded as it is made. */
  zip?: string;
}

function parseUploadArgs(args: string[], now: number): UploadArgs {
  const { values, positionals } = parseCommandArgs(
    args,
    { profile: { type: 'string' }, replace: { type: 'boolean' }, 'keep-both': { type: 'boolean' }, link: { type: 'boolean' }, expires: { type: 'string' }, zip: { type: 'string' } },
    'upload',
  );
  if (positionals.length === 0) throw new UsageError('cli.usage.uploadNothing');
  const zip = typeof values.zip === 'string' ? values.zip.trim() : undefined;
  if (zip === '') throw new UsageError('cli.usage.needsValue', { flag: '--zip' });
  if (zip !== undefined && values.replace) throw new UsageError('cli.usage.zipNoReplace');
  const collision = values.replace ? 'replace' : values['keep-both'] ? 'keepBoth' : undefined;
  const expiry = typeof values.expires === 'string' ? values.expires : undefined;
  if (expiry !== undefined && !values.link) throw new UsageError('cli.usage.expiresNeedsLink');
  // A bad --expires is a usage error before anything is uploaded, not a failure after each file.
  if (expiry !== undefined) {
    try {
      requestedExpiry(expiry, now);
    } catch (error) {
      if (isFerryError(error)) throw new UsageError(`cli.${error.code}` as TextKey, error.params);
      throw error;
    }
  }
  return {
    paths: positionals,
    ...(typeof values.profile === 'string' ? { profile: values.profile } : {}),
    ...(collision ? { collision } : {}),
    ...(values.link ? { link: { expiry } } : {}),
    ...(zip !== undefined ? { zip } : {}),
  };
}

async function checkLinkRules(services: Services, targetProfile: string | undefined, expiry: string | undefined): Promise<void> {
  const id = targetProfile ?? (await services.accounts.active())?.id;
  if (!id) return; // the upload itself says there is no connection
  services.links.service.allowedExpiry({ expiry }, await services.accounts.runtimeProfile(id));
}

/** `ferry upload --zip NAME FILE… [--link]`: one zip made while it uploads, and (with --link) one link to it. */
async function uploadZip(ctx: CommandContext, services: Services, args: UploadArgs & { zip: string }, targetProfile: string | undefined): Promise<number> {
  const tty = ctx.io.isTTY && !ctx.json;
  try {
    const result = await services.bundles.share(
      { paths: args.paths, name: args.zip, profileId: targetProfile, expiry: args.link?.expiry },
      ctx.lang,
      {
        link: args.link !== undefined,
        copy: false,
        ...(tty ? { onProgress: (p: { bytesDone: number; size: number }) => ctx.statusLine.draw(zipProgressLine(p)) } : {}),
      },
    );
    if (tty) ctx.statusLine.clear();
    const name = visibleName(result.objectKey.split('/').pop()!);
    const human = [
      `✓ ${text(ctx.lang, 'cli.upload.zipped', { name, n: result.count, size: formatBytes(result.size) })} → ${result.objectKey}`,
      ...(result.link ? [`  ${result.link.url}`] : []),
    ].join('\n');
    ctx.print(
      {
        zip: { name: result.objectKey.split('/').pop(), objectKey: result.objectKey, size: result.size, files: result.count },
        ...(result.link ? { link: { url: result.link.url, expiresAt: new Date(result.link.expiresAt).toISOString() } } : {}),
      },
      human,
    );
    return EXIT_OK;
  } catch (error) {
    if (tty) ctx.statusLine.clear();
    const failure = toUserError(error, ctx.lang, 'cli');
    if (ctx.json) ctx.print({ zip: { name: args.zip }, error: failure }, '');
    ctx.io.stderr.write(`✗ ${visibleName(args.zip)}: ${failure.message}\n`);
    return EXIT_FAILED;
  }
}

function zipProgressLine({ bytesDone, size }: { bytesDone: number; size: number }, width = 24): string {
  const ratio = size > 0 ? Math.min(1, bytesDone / size) : 0;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatBytes(bytesDone)} / ${formatBytes(size)}`;
}

async function profileId(services: Services, ref: string | undefined): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  return profileIdByRef(services, ref, () => new FerryError('uploads.profileNotFound', { profile: ref.slice(0, 80) }));
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

function resultLine(item: UploadItem): Record<string, unknown> {
  return {
    name: item.name,
    state: item.state,
    size: item.size,
    ...(item.objectKey ? { objectKey: item.objectKey } : {}),
    ...(item.error ? { error: item.error } : {}),
    ...(item.notice ? { notice: item.notice } : {}),
    ...(item.nameCleaned ? { nameCleaned: true } : {}),
  };
}

function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * One line, redrawn in place: overall bar, bytes, speed, then the time left or, once every byte is out,
 * "verifying" (the server's checksum is being compared), and the files done and failed.
 */
function progressLine(items: Map<string, UploadItem>, lang: Lang, width = 24): string {
  let total = 0;
  let done = 0;
  let speed = 0;
  let finished = 0;
  let failed = 0;
  let verifying = false;
  for (const item of items.values()) {
    total += item.size;
    done += item.bytesDone;
    speed += item.speed;
    if (item.state === 'done') finished++;
    if (item.state === 'failed' || item.state === 'cancelled') failed++;
    if (item.state === 'verifying') verifying = true;
  }
  const settled = finished + failed;
  const ratio = total > 0 ? done / total : settled === items.size ? 1 : 0;
  const filled = Math.round(ratio * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const phase =
    verifying || (done >= total && settled < items.size)
      ? text(lang, 'cli.upload.verifying')
      : speed > 0 && done < total
        ? text(lang, 'cli.upload.eta', { time: formatDuration((total - done) / speed) })
        : '';
  const counts = text(lang, 'cli.upload.counts', { done: finished, count: items.size, failed });
  return `[${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatBytes(done)} / ${formatBytes(total)}  ${formatBytes(speed)}/s${phase ? `  ${phase}` : ''}  ${counts}`;
}

export const uploadCommand: Command = {
  name: 'upload',
  usage: `ferry upload <files or folders…> [--profile NAME] [--replace | --zip NAME] [--link [--expires ${EXPIRY_PRESETS.join('|')}|<date-time>]] [--json]`,
  summary: 'cli.upload.summary',
  async run(ctx: CommandContext): Promise<number> {
    const args = parseUploadArgs(ctx.args, Date.now());
    const services = await ctx.services();
    const uploads = services.uploads;
    const seen = new Map<string, UploadItem>();
    const reported = new Set<string>();
    const tty = ctx.io.isTTY && !ctx.json;
    const uploaded: string[] = [];
    const failedNames: string[] = [];
    const linking: Promise<void>[] = [];
    const targetProfile = await profileId(services, args.profile);
    // IT's link rules before anything uploads: a link refused afterwards would waste the upload.
    if (args.link && args.zip === undefined) await checkLinkRules(services, targetProfile, args.link.expiry);
    if (args.zip !== undefined) return uploadZip(ctx, services, { ...args, zip: args.zip }, targetProfile);
    const fail = (name: string, message: string): void => {
      failedNames.push(name);
      ctx.io.stderr.write(`✗ ${name}: ${message}\n`);
    };
    /** The share link for an uploaded file, printed under its line (in --json, inside its result). */
    const withLink = async (item: UploadItem, human: string): Promise<void> => {
      try {
        const link = await services.links.service.checkedLink({ objectKey: item.objectKey!, profileId: targetProfile, expiry: args.link?.expiry }, ctx.lang);
        if (tty) ctx.statusLine.clear();
        ctx.print({ ...resultLine(item), link: { url: link.url, expiresAt: new Date(link.expiresAt).toISOString() } }, `${human}\n  ${link.url}`);
        uploaded.push(item.name);
      } catch (error) {
        const failure = toUserError(error, ctx.lang, 'cli');
        if (tty) ctx.statusLine.clear();
        ctx.print({ ...resultLine(item), linkError: failure }, human);
        fail(visibleName(item.name), failure.message);
      }
    };
    // Results on stdout; a failure's plain message on stderr too (in --json its result line stays on stdout).
    const report = (changed: UploadItem): void => {
      if (reported.has(changed.id)) return;
      reported.add(changed.id);
      const item = uploads.item(changed.id, ctx.lang, 'cli') ?? changed;
      if (tty) ctx.statusLine.clear();
      const name = visibleName(item.name);
      if (item.state === 'done') {
        const notes = [item.notice, item.nameCleaned ? text(ctx.lang, 'names.cleaned') : undefined];
        const human = [`✓ ${name} → ${item.objectKey}`, ...notes.filter(Boolean).map((note) => `  ${note}`)].join('\n');
        if (args.link && item.objectKey) {
          linking.push(withLink(item, human));
          return;
        }
        ctx.print(resultLine(item), human);
        uploaded.push(item.name);
        return;
      }
      if (ctx.json) ctx.print(resultLine(item), '');
      fail(name, item.error?.message ?? item.state);
    };
    const ids = new Set<string>();
    const unsubscribe = uploads.onChanged((items) => {
      for (const item of items) {
        if (!ids.has(item.id)) continue;
        seen.set(item.id, item);
        if (item.state === 'done' || item.state === 'failed' || item.state === 'cancelled') report(item);
      }
      if (tty && seen.size > 0) ctx.statusLine.draw(progressLine(seen, ctx.lang));
    });
    try {
      const reply = await uploads.add(args.paths, { source: 'args', profileId: targetProfile, collision: args.collision });
      for (const id of reply.ids) ids.add(id);
      await uploads.whenIdle();
      // The last batch of changes may still be on its way.
      for (const id of reply.ids) {
        const item = uploads.item(id, ctx.lang);
        if (item) report(item);
      }
      await Promise.all(linking);
      if (tty) ctx.statusLine.clear();
    } finally {
      unsubscribe();
    }
    // The closing line: what arrived, and (on stderr, as every failure) what did not.
    const summary = { uploaded: uploaded.length, failed: failedNames.length };
    if (ctx.json) ctx.print({ summary }, '');
    else if (failedNames.length === 0) ctx.print({}, text(ctx.lang, 'cli.upload.done', summary));
    else ctx.io.stderr.write(`${text(ctx.lang, 'cli.upload.someFailed', { ...summary, names: failedNames.join(', ') })}\n`);
    return failedNames.length === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
