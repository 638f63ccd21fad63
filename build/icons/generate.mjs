// Every icon Ferry ships, from the one source `assets/icon.svg`, in plain Node (@resvg/resvg-js):
//   build/icons/icon.png (1024), icon-512.png, png/<n>x<n>.png (Linux), icon.ico (Windows), icon.icns (macOS)
//   assets/tray/ (with --tray): tray images for idle / uploading / error — macOS template images
//   (`*Template.png` + `@2x`, black with alpha) and coloured ones for Windows and Linux.
// Usage: node build/icons/generate.mjs [--tray] [--out DIR] [--tray-out DIR]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : fallback;
};
const outDir = option('--out', path.join(root, 'build/icons'));
const trayOut = option('--tray-out', path.join(root, 'assets/tray'));
const withTray = args.includes('--tray') || args.includes('--tray-out');

let Resvg;
try {
  ({ Resvg } = await import('@resvg/resvg-js'));
} catch {
  console.error('Ferry icons: @resvg/resvg-js is not installed. Run "npm install" first, then try again.');
  process.exit(1);
}

const source = await readFile(path.join(root, 'assets/icon.svg'), 'utf8');
const glyph = /<g id="glyph"[^>]*>([\s\S]*?)<\/g>/.exec(source)?.[1];
if (!glyph) throw new Error('assets/icon.svg has no <g id="glyph"> group');

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

// ── app icons ────────────────────────────────────────────────────────────────────────────────────

/** Windows .ico holding PNG images (Vista and later). */
function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

/** macOS .icns with PNG payloads. */
function encodeIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = new Map(sizes.map((size) => [size, render(source, size)]));
await mkdir(path.join(outDir, 'png'), { recursive: true });
await writeFile(path.join(outDir, 'icon.png'), png.get(1024));
await writeFile(path.join(outDir, 'icon-512.png'), png.get(512));
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
  await writeFile(path.join(outDir, 'png', `${size}x${size}.png`), png.get(size));
}
await writeFile(path.join(outDir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png.get(size) }))));
const icnsTypes = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
await writeFile(path.join(outDir, 'icon.icns'), encodeIcns(icnsTypes.map(([type, size]) => ({ type, png: png.get(size) }))));
console.log(`Ferry icons: wrote ${path.relative(root, outDir) || '.'}/icon.png, icon-512.png, png/, icon.ico, icon.icns`);

// ── tray images ──────────────────────────────────────────────────────────────────────────────────

// The glyph's bounds (arrow 184…616, waves 616…896 with strokes), as a square around its centre.
const GLYPH_BOX = { x: 156, y: 184, size: 712 };
const BADGE = { cx: 752, cy: 780, r: 116, gap: 44 };

function badge(state, template) {
  if (state === 'idle') return '';
  const colour = template ? '#000' : state === 'error' ? '#E53935' : '#2EB872';
  const { cx, cy, r } = BADGE;
  if (state === 'uploading') {
    // A small up-arrow cut out of the badge: "busy sending".
    return `<mask id="b"><circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff"/><path d="M${cx} ${cy - 62} l52 56 h-32 v52 h-40 v-52 h-32 z" fill="#000"/></mask>
      <circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}" mask="url(#b)"/>`;
  }
  return `<mask id="b"><circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff"/><rect x="${cx - 16}" y="${cy - 70}" width="32" height="88" rx="14" fill="#000"/><circle cx="${cx}" cy="${cy + 50}" r="18" fill="#000"/></mask>
    <circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}" mask="url(#b)"/>`;
}

/** macOS template: black glyph with alpha. Others: the full icon. Both get a knocked-out badge. */
function traySvg(state, template) {
  const { x, y, size } = template ? GLYPH_BOX : { x: 64, y: 64, size: 896 };
  const body = template
    ? `<g color="#000">${glyph}</g>`
    : source.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const knockout =
    state === 'idle'
      ? body
      : `<mask id="k"><rect x="0" y="0" width="1024" height="1024" fill="#fff"/><circle cx="${BADGE.cx}" cy="${BADGE.cy}" r="${BADGE.r + BADGE.gap}" fill="#000"/></mask><g mask="url(#k)">${body}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${x} ${y} ${size} ${size}">${knockout}${badge(state, template)}</svg>`;
}

if (withTray) {
  await mkdir(trayOut, { recursive: true });
  for (const state of ['idle', 'uploading', 'error']) {
    const template = traySvg(state, true);
    const colour = traySvg(state, false);
    await writeFile(path.join(trayOut, `tray-${state}Template.png`), render(template, 16));
    await writeFile(path.join(trayOut, `tray-${state}Template@2x.png`), render(template, 32));
    await writeFile(path.join(trayOut, `tray-${state}.png`), render(colour, 16));
    await writeFile(path.join(trayOut, `tray-${state}@2x.png`), render(colour, 32));
    await writeFile(path.join(trayOut, `tray-${state}-linux.png`), render(colour, 32));
  }
  console.log(`Ferry icons: wrote tray images to ${path.relative(root, trayOut) || '.'}`);
}
