// Where is an Electron binary? ELECTRON_EXEC_PATH first, then the `electron` npm package's download.
// The package is read directly: require('electron') would try to download the binary on the spot.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/electron');

export function findElectron(env = process.env) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { path: env.ELECTRON_EXEC_PATH }
      : { reason: `ELECTRON_EXEC_PATH points to a file that does not exist` };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (existsSync(pathFile)) {
    const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary)) return { path: binary };
  }
  return { reason: 'the electron package was installed without its binary' };
}
