import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../time/clock.ts';
import { readJson, writeJsonAtomic } from '../storage/atomicJson.ts';
import { FerryError } from '../errors/ferryError.ts';
import { logger } from '../log/logger.ts';
import type { SandboxHandle } from '../sandbox/index.ts';

const log = logger('sandbox-host');

const portsSchema = z.object({ oss: z.number().int().min(1).max(65535), sts: z.number().int().min(1).max(65535) });

/**
 * The in-process sandbox behind "Try it on this computer", kept under `<home>/sandbox`. Started on
 * first use (also on a later app start, when a sandbox profile is used); its ports may differ each time,
 * so profiles resolve the endpoint from here at run time.
 */
export class SandboxHost {
  private starting: Promise<SandboxHandle> | undefined;

  constructor(
    private readonly home: string,
    private readonly clock?: Clock,
  ) {}

  get dataDir(): string {
    return path.join(this.home, 'sandbox');
  }

  ensure(): Promise<SandboxHandle> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      log.error('sandbox failed to start', { reason: String(error) });
      throw new FerryError('accounts.sandboxFailed', {}, { cause: error });
    });
    return this.starting;
  }

  private get portsFile(): string {
    return path.join(this.dataDir, 'ports.json');
  }

  private async start(): Promise<SandboxHandle> {
    const { startSandbox } = await import('../sandbox/index.ts');
    const options = { dataDir: this.dataDir, ...(this.clock ? { clock: this.clock } : {}) };
    const last = await readJson(this.portsFile, portsSchema).catch(() => undefined);
    let handle: SandboxHandle;
    try {
      handle = await startSandbox({ ...options, ...(last ? { port: last.oss, stsPort: last.sts } : {}) });
    } catch (error) {
      if (!last) throw error;
      log.info('last ports taken: starting on new ones', { reason: String(error) });
      handle = await startSandbox(options);
    }
    const portOf = (endpoint: string): number => Number(new URL(endpoint).port);
    await writeJsonAtomic(this.portsFile, { oss: portOf(handle.ossEndpoint), sts: portOf(handle.stsEndpoint) }).catch((error: unknown) => {
      log.warn('could not note the sandbox ports', { reason: String(error) });
    });
    log.info('sandbox started', { oss: handle.ossEndpoint, sts: handle.stsEndpoint });
    return handle;
  }

  running(): boolean {
    return this.starting !== undefined;
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    if (!starting) return;
    const handle = await starting.catch(() => undefined);
    await handle?.close();
  }
}
