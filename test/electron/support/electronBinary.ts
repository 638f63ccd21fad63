import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * The Electron binary to drive, or why there is none. ELECTRON_EXEC_PATH first, then the `electron`
 * package's own download (read from its path.txt: calling require('electron') would start a download).
 * On Linux a display is needed too (run the suite under xvfb-run where there is none).
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): { path: string; reason?: undefined } | { path?: undefined; reason: string } {
  let found: string | undefined;
  if (env.ELECTRON_EXEC_PATH) {
    if (!existsSync(env.ELECTRON_EXEC_PATH)) return { reason: 'ELECTRON_EXEC_PATH points to a file that does not exist' };
    found = env.ELECTRON_EXEC_PATH;
  } else {
    const packageDir = path.join(repoRoot, 'node_modules/electron');
    const pathFile = path.join(packageDir, 'path.txt');
    const binary = existsSync(pathFile) ? path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
    if (!binary || !existsSync(binary)) {
      return { reason: 'no Electron binary: the electron package was installed without it (ELECTRON_SKIP_BINARY_DOWNLOAD) and ELECTRON_EXEC_PATH is not set' };
    }
    found = binary;
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { reason: 'Electron found, but there is no display: run the suite under xvfb-run' };
  }
  return { path: found };
}
