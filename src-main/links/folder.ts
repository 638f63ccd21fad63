import { FerryError } from '../errors/ferryError.ts';
import { nameOfKey } from './contentDisposition.ts';

/**
 * Ferry shares, moves and deletes only objects inside the profile's folder (`shared/alice/`), whatever
 * credentials it holds. `folder` is the fixed part of the prefix; '' means the whole bucket.
 */
export function assertInFolder(key: string, folder: string): void {
  const prefix = folder.replace(/[*?]/g, '');
  const segments = key.split('/');
  if (key.startsWith(prefix) && !segments.includes('..') && !segments.includes('.')) return;
  throw new FerryError('links.outsideFolder', { name: nameOfKey(key), folder: prefix });
}
