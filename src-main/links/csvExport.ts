import { FerryError } from '../errors/ferryError.ts';
import type { Lang } from '../i18n/lang.ts';
import { text } from '../i18n/text.ts';
import type { DialogPort } from '../ports/uiPorts.ts';
import { writeFileAtomic } from '../storage/atomicJson.ts';
import { localTimestamp, toCsv } from './csv.ts';
import type { LinkResult, LinkService } from './linkService.ts';

/** The CSV text for the chosen links: name, size, URL (freshly signed; empty once expired or stopped), expires. */
export async function linksCsv(service: LinkService, ids: readonly string[], lang: Lang): Promise<{ csv: string; count: number; links: LinkResult[] }> {
  const resigned = await service.resignMany(ids, lang);
  const rows = resigned.map(({ entry, result }) => [
    entry.name,
    entry.size,
    result?.url ?? '',
    localTimestamp(result?.expiresAt ?? entry.expiresAt),
  ]);
  return { csv: toCsv(['name', 'size', 'url', 'expires'], rows), count: rows.length, links: resigned.flatMap((r) => (r.result ? [r.result] : [])) };
}

/** Asks where to save, then writes the CSV there. */
export async function exportCsv(
  service: LinkService,
  dialog: DialogPort,
  ids: readonly string[],
  lang: Lang,
  now: number,
): Promise<{ saved: boolean; count: number }> {
  const { csv, count, links } = await linksCsv(service, ids, lang);
  const file = await dialog.saveFile({
    title: text(lang, 'links.exportTitle'),
    defaultName: `ferry-links-${localTimestamp(now).slice(0, 10)}.csv`,
    filters: [{ name: text(lang, 'links.exportFilter'), extensions: ['csv'] }],
  });
  if (!file) return { saved: false, count: 0 };
  try {
    await writeFileAtomic(file, csv);
  } catch (error) {
    throw new FerryError('links.exportFailed', {}, { cause: error });
  }
  await service.rememberHandedOut(links);
  return { saved: true, count };
}
