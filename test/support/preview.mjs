// `npm run preview`: the real renderer with the real services, in Debian's Chromium, without Electron.
// Loads the TypeScript through tsx, then hands over to previewApp.ts.
import { register } from 'tsx/esm/api';

register();
// Not a top import: static imports load before register() runs, and Node cannot load .ts without it.
const { runPreview } = await import('./previewApp.ts');
await runPreview(process.argv.slice(2));
