import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { FerryError } from '../errors/ferryError.ts';

/** One file going into a zip: its name inside the zip, its exact size, and how to read it (once). */
export interface ZipSource {
  name: string;
  size: number;
  mtime: Date;
  open(): Promise<Readable>;
}

/**
 * A zip of `sources`, made as it is read: files are stored as they are (no compression), so the zip's
 * exact length is known before its first byte and no file is held in memory. yazl always sets the
 * UTF-8 flag (general purpose bit 11) and writes names in UTF-8, which Windows Explorer, macOS Archive
 * Utility, Info-ZIP `unzip` and Python's zipfile all honour; ZIP64 is used where sizes need it.
 */
export function zipArchive(sources: readonly ZipSource[]): { size: number; stream: Readable } {
  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  let current = '';
  for (const source of sources) {
    zip.addReadStreamLazy(source.name, { size: source.size, mtime: source.mtime, mode: 0o100644, compress: false }, (done) => {
      current = source.name;
      source.open().then(
        (stream) => {
          // yazl pipes the stream without listening for its errors: a file that cannot be read fails the zip.
          stream.on('error', (error) => output.destroy(changed(source.name, error)));
          done(null, stream);
        },
        (error: unknown) => done(changed(source.name, error), undefined as never),
      );
    });
  }
  // A file that gave fewer bytes than it had (it shrank while being read) fails the zip instead of hanging it.
  zip.on('error', (error: Error) => output.destroy(error instanceof FerryError ? error : changed(current, error)));
  let size = -1;
  (zip.end as (options: object, sized: (n: number) => void) => void)({}, (n) => (size = n));
  if (size < 0) throw new Error('zip size unknown'); // every entry is stored with its size, so yazl knows it
  return { size, stream: output };
}

function changed(name: string, cause: unknown): FerryError {
  if (cause instanceof FerryError) return cause;
  return new FerryError('bundles.fileChanged', { name }, { cause });
}
