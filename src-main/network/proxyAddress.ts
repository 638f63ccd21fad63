import { FerryError } from '../errors/ferryError.ts';

/**
 * A proxy address as typed in Settings ("proxy.corp:8080", "http://proxy.corp:8080"), written as
 * `http(s)://host:port`. Refused: other schemes, a user name or password (Ferry asks for those when
 * the proxy wants them, and keeps them in the keychain), a path, a query.
 */
export function proxyAddress(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw new FerryError('network.proxyAddressInvalid');
  }
  const plain = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname && !url.username && !url.password;
  if (!plain || url.pathname !== '/' || url.search || url.hash) throw new FerryError('network.proxyAddressInvalid');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}`;
}
