// Uploads where users are: through a shaped link (shapingProxy.ts, its own process, between the
// client and the sandbox — both directions delayed and capped, so both sides see the same link).
// - A large file at 30 ms round trip on a 400 Mbit/s line: Ferry against ali-oss `multipartUpload`
//   with its defaults (1 MiB parts, 5 at a time: what most Electron OSS apps ship), a raw single
//   streamed PUT, and the link's own capacity.
// - 1,000 × 10 KB files at 50 ms (a cross-region office) against sequential ali-oss put.
// Sizes: FERRY_BENCH_DISTANCE_MB (default 1024), FERRY_BENCH_DISTANCE_FILES (default 1000).
import OSS from 'ali-oss';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Services } from '../../src-main/app/services.ts';
import type { OssCredentials } from '../../src-main/credentials/types.ts';
import type { BenchModule, BenchRow } from './report.ts';
import { BUCKET, ferryServices, ferryUpload, makeFile, MB, rawPut, sequentialRate, startSandboxProcess, startShapingProxyProcess, uploadCredentials, type Sandbox, type ShapingProxyProcess } from './uploadRig.ts';

const BIG_MB = Number(process.env.FERRY_BENCH_DISTANCE_MB ?? 1024);
const SMALL_FILES = Number(process.env.FERRY_BENCH_DISTANCE_FILES ?? 1000);
const BIG_RTT_MS = 30;
const SMALL_RTT_MS = 50;
const LINK_MBIT = 400;
/** The line's capacity in MiB/s (what a perfect sender would reach, before any HTTP overhead). */
const CAPACITY = (LINK_MBIT * 1e6) / 8 / MB;

/** ali-oss multipartUpload as most apps call it: no partSize, no parallel (seconds). */
async function aliOssDefaults(endpoint: string, creds: OssCredentials, key: string, file: string): Promise<number> {
  const client = new OSS({ endpoint, region: 'oss-cn-hangzhou', bucket: BUCKET, sldEnable: true, authorizationV4: true, accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret, stsToken: creds.securityToken!, refreshSTSTokenInterval: 3_600_000 } as OSS.Options);
  const started = performance.now();
  await client.multipartUpload(key, file, {});
  return (performance.now() - started) / 1000;
}

async function makeSmallFiles(dir: string, n: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tenKb = Buffer.alloc(10 * 1024, 1);
  for (let i = 0; i < n; i++) await writeFile(path.join(dir, `f${i}.txt`), tenKb);
}

const bench: BenchModule = {
  title: `Uploads at a distance (${BIG_MB} MiB at ${BIG_RTT_MS} ms on ${LINK_MBIT} Mbit/s; ${SMALL_FILES} × 10 KB at ${SMALL_RTT_MS} ms; shaped link both ways)`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-distance-bench-'));
    let sb: Sandbox | undefined;
    let link: ShapingProxyProcess | undefined;
    let services: Services | undefined;
    try {
      sb = await startSandboxProcess(home);
      link = await startShapingProxyProcess(sb.ossEndpoint, BIG_RTT_MS, LINK_MBIT);
      services = await ferryServices(path.join(home, 'ferry'), { ...sb, ossEndpoint: link.endpoint });
      const creds = await uploadCredentials(services);
      const big = path.join(home, 'big.bin');
      await makeFile(big, BIG_MB);
      // Same file, same link, one after another (the file is in the page cache for all three).
      const rawSeconds = await rawPut(link.endpoint, 'raw/big.bin', big, BIG_MB * MB);
      const aliSeconds = await aliOssDefaults(link.endpoint, creds, 'bench/ali/big.bin', big);
      const timing = { completeSeconds: 0 };
      const ferrySeconds = await ferryUpload(services, [big], timing);
      rmSync(big);
      await services.close();
      services = undefined;
      await link.close();

      link = await startShapingProxyProcess(sb.ossEndpoint, SMALL_RTT_MS, LINK_MBIT);
      services = await ferryServices(path.join(home, 'ferry-far'), { ...sb, ossEndpoint: link.endpoint });
      const smallDir = path.join(home, 'small');
      await makeSmallFiles(smallDir, SMALL_FILES);
      const smallCreds = await uploadCredentials(services);
      // A short unmeasured pass each so neither side runs cold; 100 sequential files are enough at this pace.
      await sequentialRate(link.endpoint, smallCreds, smallDir, 20, 'bench/warm-seq');
      const warmDir = path.join(home, 'warm');
      await makeSmallFiles(warmDir, 50);
      await ferryUpload(services, [warmDir]);
      const seqRate = await sequentialRate(link.endpoint, smallCreds, smallDir, Math.min(100, SMALL_FILES), 'bench/seq');
      const ferryRate = SMALL_FILES / (await ferryUpload(services, [smallDir]));

      const rate = (seconds: number) => BIG_MB / seconds;
      const ferry = rate(ferrySeconds);
      return [
        { name: `${BIG_MB} MiB at ${BIG_RTT_MS} ms, ${LINK_MBIT} Mbit/s: vs ali-oss defaults`, value: ferry, unit: 'MiB/s', baseline: rate(aliSeconds), baselineName: 'ali-oss multipartUpload, defaults', target: '>= 1.5× ali-oss defaults', met: ferry >= 1.5 * rate(aliSeconds) },
        { name: `${BIG_MB} MiB at ${BIG_RTT_MS} ms, ${LINK_MBIT} Mbit/s: vs the link`, value: ferry, unit: 'MiB/s', baseline: CAPACITY, baselineName: 'link capacity', target: '>= 0.9× capacity', met: ferry >= 0.9 * CAPACITY },
        { name: '  same file, one raw streamed PUT', value: rate(rawSeconds), unit: 'MiB/s', baseline: CAPACITY, baselineName: 'link capacity' },
        // What this machine's link, sandbox and CPUs allowed in this run: when both read low, the VM was busy.
        { name: '  Ferry against that raw PUT', value: ferry, unit: 'MiB/s', baseline: rate(rawSeconds), baselineName: 'one raw streamed PUT' },
        { name: '  of which Complete (after the last part)', value: timing.completeSeconds, unit: 's', baseline: ferrySeconds, baselineName: 'whole Ferry upload' },
        { name: `${SMALL_FILES} × 10 KB at ${SMALL_RTT_MS} ms`, value: ferryRate, unit: 'files/s', baseline: seqRate, baselineName: 'sequential ali-oss put', target: '>= 8× sequential', met: ferryRate >= 8 * seqRate },
      ];
    } finally {
      await services?.close().catch(() => undefined);
      await link?.close();
      if (sb && sb.child.exitCode === null) {
        sb.child.kill('SIGTERM');
        await new Promise((r) => sb!.child.once('exit', r));
      }
      rmSync(home, { recursive: true, force: true });
    }
  },
};

export default bench;
