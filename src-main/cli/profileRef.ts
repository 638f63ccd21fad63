import type { Services } from '../app/services.ts';
import type { FerryError } from '../errors/ferryError.ts';
import { UsageError } from './command.ts';

/**
 * A connection named on the command line: its id, or a name only one connection has. A name several
 * connections share is refused (exit 2) with their ids, never resolved to the first one silently.
 */
export async function profileIdByRef(services: Services, ref: string, notFound: () => FerryError): Promise<string> {
  const { profiles } = await services.accounts.list();
  const byId = profiles.find((p) => p.id === ref);
  if (byId) return byId.id;
  const named = profiles.filter((p) => p.name === ref);
  if (named.length > 1) throw new UsageError('cli.usage.ambiguousProfile', { profile: ref.slice(0, 80), ids: named.map((p) => p.id).join(', ') });
  if (!named[0]) throw notFound();
  return named[0].id;
}
