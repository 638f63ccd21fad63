import { FerryError } from '../errors/ferryError.ts';
import { parseCidr, trafficLimitBits } from './advancedOptions.ts';
import { contentDisposition } from './contentDisposition.ts';
import { inlineContentType } from './inlineTypes.ts';

export interface LinkQueryOptions {
  /** The download name (usually the last part of the key). */
  name: string;
  inline?: boolean;
  /** Allowed source IP or CIDR. */
  sourceIp?: string;
  limitKBps?: number;
}

/** The extra parameters signed into a share link: download name, and the advanced restrictions. */
export function linkQuery(options: LinkQueryOptions): Record<string, string> {
  const query: Record<string, string> = {};
  if (options.inline) {
    const type = inlineContentType(options.name);
    if (!type) throw new FerryError('links.inlineUnsupported', { name: options.name });
    query['response-content-type'] = type;
  }
  query['response-content-disposition'] = contentDisposition(options.name, options.inline ?? false);
  if (options.sourceIp !== undefined && options.sourceIp.trim() !== '') {
    const { ip, maskBits } = parseCidr(options.sourceIp);
    query['x-oss-ac-source-ip'] = ip;
    query['x-oss-ac-subnet-mask'] = String(maskBits);
  }
  if (options.limitKBps !== undefined) query['x-oss-traffic-limit'] = String(trafficLimitBits(options.limitKBps));
  return query;
}
