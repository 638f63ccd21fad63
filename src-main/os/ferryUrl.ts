/**
 * `ferry://` links the OS hands Ferry (macOS open-url, Windows/Linux command line). They come from
 * anywhere — a web page, an email — so everything is refused except the one shape Ferry makes:
 * `ferry://connect?…` (a profile from IT), whose fields accounts' parseConnection checks.
 */
import { parseConnection, type ProfileInput } from '../accounts/connection.ts';
import { FerryError, isFerryError } from '../errors/ferryError.ts';

export type FerryRoute = { kind: 'connect'; profile: ProfileInput };
export type FerryRouteResult = { ok: true; route: FerryRoute } | { ok: false; error: FerryError };

/** Longer than any real connect link (a dozen short fields); parseConnection's own cap is 16 KiB. */
export const MAX_FERRY_URL = 4096;
/** Printable ASCII only: real links percent-encode everything else. No spaces, quotes, angle brackets, backslashes. */
const SAFE_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

export function routeFerryUrl(raw: unknown): FerryRouteResult {
  const rejected = (code = 'os.linkRejected'): FerryRouteResult => ({ ok: false, error: new FerryError(code) });
  if (typeof raw !== 'string' || raw.length === 0) return rejected();
  if (raw.length > MAX_FERRY_URL) return rejected('os.linkTooLong');
  if (!SAFE_CHARS.test(raw)) return rejected();
  if (/%(?![0-9a-f]{2})/i.test(raw)) return rejected();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return rejected();
  }
  if (url.protocol !== 'ferry:' || !/^ferry:\/\//i.test(raw)) return rejected();
  if (url.username || url.password || url.port || url.hash || raw.includes('#')) return rejected();
  if (url.hostname.toLowerCase() !== 'connect') return rejected('os.linkUnknownAction');
  if (url.pathname !== '' && url.pathname !== '/') return rejected('os.linkUnknownAction');
  if (!url.search) return rejected();
  try {
    // Re-serialised without a path so parseConnection sees exactly the query that was checked here.
    return { ok: true, route: { kind: 'connect', profile: parseConnection(`ferry://connect${url.search}`) } };
  } catch (error) {
    return { ok: false, error: isFerryError(error) ? error : new FerryError('os.linkRejected') };
  }
}
