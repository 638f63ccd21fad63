import type { Services } from '../../app/services.ts';
import { text } from '../../i18n/text.ts';
import { FerryError } from '../../errors/ferryError.ts';
import { visibleName } from '../../names/inertName.ts';
import type { UploadItem } from '../../uploads/queueEntry.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command, type CommandContext } from '../command.ts';
import { parseCommandArgs } from '../args.ts';
import { profileIdByRef } from '../profileRef.ts';

interface UploadArgs {
  paths: string[];
  profile?: string;
  collision?: 'keepBoth' | 'replace';
}

function parseUploadArgs(args: string[]): UploadArgs {
  const { values, positionals } = parseCommandArgs(args, { profile: { type: 'string' }, replace: { type: 'boolean' }, 'keep-both': { type: 'boolean' } }, 'upload');
  if (positionals.length === 0) throw new UsageError('cli.usage.uploadNothing');
  const collision = values.replace ? 'replace' : values['keep-both'] ? 'keepBoth' : undefined;
  return { paths: positionals, ...(typeof values.profile === 'string' ? { profile: values.profile } : {}), ...(collision ? { collision } : {}) };
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

/** One line, redrawn in place: overall bar, bytes, speed, files finished. */
function progressLine(items: Map<string, UploadItem>, width = 24): string {
  let total = 0;
  let done = 0;
  let speed = 0;
  let finished = 0;
  for (const item of items.values()) {
    total += item.size;
    done += item.bytesDone;
    speed += item.speed;
    if (item.state === 'done' || item.state === 'failed' || item.state === 'cancelled') finished++;
  }
  const ratio = total > 0 ? done / total : finished === items.size ? 1 : 0;
  const filled = Math.round(ratio * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  return `[${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatBytes(done)} / ${formatBytes(total)}  ${formatBytes(speed)}/s  ${finished}/${items.size} files`;
}

export const uploadCommand: Command = {
  name: 'upload',
  usage: 'ferry upload <files or folders…> [--profile NAME] [--replace] [--json]',
  summary: 'cli.upload.summary',
  async run(ctx: CommandContext): Promise<number> {
    const args = parseUploadArgs(ctx.args);
    const services = await ctx.services();
    const uploads = services.uploads;
    const seen = new Map<string, UploadItem>();
    const reported = new Set<string>();
    const tty = ctx.io.isTTY && !ctx.json;
    let failures = 0;
    // Results on stdout; a failure's plain message on stderr too (in --json its result line stays on stdout).
    const report = (changed: UploadItem): void => {
      if (reported.has(changed.id)) return;
      reported.add(changed.id);
      const item = uploads.item(changed.id, ctx.lang, 'cli') ?? changed;
      if (tty) ctx.statusLine.clear();
      const name = visibleName(item.name);
      if (item.state === 'done') {
        const notes = [item.notice, item.nameCleaned ? text(ctx.lang, 'names.cleaned') : undefined];
        ctx.print(resultLine(item), [`✓ ${name} → ${item.objectKey}`, ...notes.filter(Boolean).map((note) => `  ${note}`)].join('\n'));
        return;
      }
      failures++;
      if (ctx.json) ctx.print(resultLine(item), '');
      ctx.io.stderr.write(`✗ ${name}: ${item.error?.message ?? item.state}\n`);
    };
    const ids = new Set<string>();
    const unsubscribe = uploads.onChanged((items) => {
      for (const item of items) {
        if (!ids.has(item.id)) continue;
        seen.set(item.id, item);
        if (item.state === 'done' || item.state === 'failed' || item.state === 'cancelled') report(item);
      }
      if (tty && seen.size > 0) ctx.statusLine.draw(progressLine(seen));
    });
    try {
      const reply = await uploads.add(args.paths, { source: 'args', profileId: await profileId(services, args.profile), collision: args.collision });
      for (const id of reply.ids) ids.add(id);
      await uploads.whenIdle();
      // The last batch of changes may still be on its way.
      for (const id of reply.ids) {
        const item = uploads.item(id, ctx.lang);
        if (item) report(item);
      }
      if (tty) ctx.statusLine.clear();
    } finally {
      unsubscribe();
    }
    return failures === 0 ? EXIT_OK : EXIT_FAILED;
  },
};
