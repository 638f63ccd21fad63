import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import { replaceHiddenChars } from '../names/inertName.ts';

/**
 * Text for the terminal: every control character (C0 but the newline, DEL, C1), bidi control and
 * line/paragraph separator as visible `\uXXXX`, so a file name cannot retitle, clear or reorder the
 * terminal. Inside a JSON line this is JSON's own escape: the line stays valid and parses to the same value.
 */
export function escapeForTerminal(text: string): string {
  return replaceHiddenChars(text, (char) => (char === '\n' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** `raw` behind escapeForTerminal: what the CLI's commands write to (stdout, stderr, prompts). */
export function escapingStream(raw: NodeJS.WritableStream): NodeJS.WritableStream {
  const utf8 = new StringDecoder('utf8');
  // Written through at once (the callback is synchronous), so this and StatusLine keep their order on `raw`.
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      raw.write(escapeForTerminal(typeof chunk === 'string' ? chunk : utf8.write(chunk)));
      done();
    },
  });
}

/** The one line redrawn in place (the upload progress bar): the only escape sequences the CLI sends itself. */
export class StatusLine {
  constructor(private readonly raw: NodeJS.WritableStream) {}

  draw(text: string): void {
    this.raw.write(`\r\x1b[2K${escapeForTerminal(text).replace(/\n/g, ' ')}`);
  }

  clear(): void {
    this.raw.write('\r\x1b[2K');
  }
}
