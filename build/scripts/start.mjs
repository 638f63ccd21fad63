// `npm start`: build, then launch the Electron app. Without an Electron binary, say so in one sentence.
import { spawn, spawnSync } from 'node:child_process';
import { findElectron } from './findElectron.mjs';

const found = findElectron();
if (!found.path) {
  const zh = (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('zh');
  console.error(
    zh
      ? `无法启动 Ferry：找不到 Electron 程序（${found.reason}）——请在能上网的电脑上运行 "node node_modules/electron/install.js"，或把 ELECTRON_EXEC_PATH 设为 Electron 程序路径；也可以用 "npm run preview" 在浏览器中打开 Ferry。`
      : `Ferry can't start: no Electron binary was found (${found.reason}) — run "node node_modules/electron/install.js" on a machine with internet access, or set ELECTRON_EXEC_PATH to an Electron binary; "npm run preview" opens Ferry in a browser instead.`,
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--config', 'electron.config.ts'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(found.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
