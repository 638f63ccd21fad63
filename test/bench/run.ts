// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints
// one table each. Benchmarks measure their own baselines in the same run, on this machine.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isGated, renderTable, type BenchModule } from './report.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let missed = 0;
let reportedMissed = 0;
const failed: string[] = [];
for (const file of files) {
  // Loaded by name: which benchmarks run is decided on the command line.
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchModule };
  process.stdout.write(`running ${file} …\n`);
  let rows;
  try {
    rows = await mod.default.run();
  } catch (error) {
    // One benchmark that cannot run must not hide the others' tables.
    failed.push(`${file}: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
    console.log(`\n## ${mod.default.title}\nFAILED to run: ${failed.at(-1)}`);
    continue;
  }
  missed += rows.filter((r) => r.met === false && isGated(r)).length;
  reportedMissed += rows.filter((r) => r.met === false && !isGated(r)).length;
  console.log(renderTable(mod.default.title, rows));
}
console.log(`\n${files.length} benchmark file(s); ${missed} gated target(s) missed; ${reportedMissed} reported (not gated) target(s) missed; ${failed.length} benchmark(s) failed to run.`);
if (failed.length > 0) process.exitCode = 1;
