import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import type { FaultSpec } from './config.ts';

/** A fault as tests add it at runtime; `service` defaults to 'oss'. */
export type FaultInput = Omit<FaultSpec, 'service'> & { service?: FaultSpec['service'] };
type Service = FaultSpec['service'];

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults for reliability tests: fail request N with 500/503, reset after K bytes, or delay. */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];
  private readonly counts: Record<Service, number> = { oss: 0, sts: 0 };

  constructor(specs: readonly FaultInput[] = []) {
    for (const spec of specs) this.add(spec);
  }

  add(input: FaultInput): void {
    const spec: FaultSpec = { ...input, service: input.service ?? 'oss' };
    this.active.push({ spec, remaining: spec.times ?? (spec.request !== undefined ? 1 : Number.POSITIVE_INFINITY) });
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Requests seen so far by one endpoint (1-based numbering for `request`). */
  requestCount(service: Service = 'oss'): number {
    return this.counts[service];
  }

  /**
   * Counts the request and returns the first fault that fires for it. A fault with `request: N` fires
   * on the first matching request numbered N or later, `times` times (default once).
   */
  next(service: Service, req: IncomingMessage): FaultSpec | undefined {
    const count = ++this.counts[service];
    for (const fault of this.active) {
      const { spec } = fault;
      if (fault.remaining <= 0 || spec.service !== service) continue;
      if (spec.request !== undefined && count < spec.request) continue;
      if (spec.method && spec.method.toUpperCase() !== req.method) continue;
      if (spec.pathIncludes && !(req.url ?? '').includes(spec.pathIncludes)) continue;
      fault.remaining--;
      return spec;
    }
    return undefined;
  }
}

/** Passes `limit` bytes, then destroys the connection mid-body. */
export class ResetAfter extends Transform {
  private passed = 0;

  constructor(
    private readonly limit: number,
    private readonly socket: Socket,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const room = this.limit - this.passed;
    if (room <= 0) {
      this.socket.destroy();
      done();
      return;
    }
    const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.passed += piece.length;
    if (piece.length < chunk.length || this.passed >= this.limit) {
      this.push(piece);
      // Let the piece reach the wire before the reset.
      setTimeout(() => this.socket.destroy(), 20);
      done();
      return;
    }
    done(null, piece);
  }
}
