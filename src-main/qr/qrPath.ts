import QRCode from 'qrcode';

/** Light modules around the code, as the QR standard asks, so phone cameras find its edges. */
export const QUIET_ZONE = 4;

/**
 * A QR code of `text` (error correction M) as one SVG path: each run of dark modules in a row is one
 * rectangle, offset by the quiet zone. Drawn on a `(modules + 8)`-unit square; made offline.
 */
export function qrPath(text: string): { modules: number; path: string } {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; ) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && data[y * size + x + run]) run++;
      parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`);
      x += run;
    }
  }
  return { modules: size, path: parts.join('') };
}
