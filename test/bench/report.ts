/** What a benchmark module returns: tables of measurements, each compared with a baseline from the same run. */
export interface BenchRow {
  /** What was measured, e.g. "1 GiB upload". */
  name: string;
  /** Ferry's number and its unit. */
  value: number;
  unit: string;
  /** The baseline measured in the same run on this machine, if any (same unit). */
  baseline?: number;
  baselineName?: string;
  /** The target, e.g. ">= 0.8x baseline" or "<= 150 MB", and whether it was met. */
  target?: string;
  met?: boolean;
  /**
   * A row with a target gates the run (its miss counts) unless `gated: false`: then the target is
   * reported only (e.g. loopback rows decided by the two CPUs client and server share).
   */
  gated?: boolean;
}

export const isGated = (r: BenchRow): boolean => r.target !== undefined && r.gated !== false;

export interface BenchModule {
  title: string;
  run(): Promise<BenchRow[]>;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function renderTable(title: string, rows: BenchRow[]): string {
  const header = ['measure', 'ferry', 'baseline', 'ratio', 'target', 'gate', 'met'];
  const body = rows.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '—' : `${fmt(r.baseline)} ${r.unit}${r.baselineName ? ` (${r.baselineName})` : ''}`,
    r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '—',
    r.target ?? '—',
    r.target === undefined ? '—' : isGated(r) ? 'GATED' : 'reported',
    r.met === undefined ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [`\n## ${title}`, line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}
