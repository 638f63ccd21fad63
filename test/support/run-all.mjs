// `npm test`: every layer in order — typecheck, lint, unit, integration, e2e (Chromium), _electron.
// On Linux without a D-Bus session it re-runs itself inside dbus-run-session with an unlocked
// gnome-keyring and a temporary HOME, so keychain tests talk to a real Secret Service.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (process.platform === 'linux' && !process.env.FERRY_KEYRING_READY && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'ferry-test-home-'));
  const inner = `echo -n ferry-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node ${JSON.stringify(process.argv[1])} ${process.argv.slice(2).map((a) => JSON.stringify(a)).join(' ')}`;
  const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, '.local/share'), XDG_RUNTIME_DIR: home, FERRY_KEYRING_READY: '1' },
  });
  rmSync(home, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}

const results = [];
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'ferry-reports-'));
const npx = (args, env = {}) => spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

function step(name, fn) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const outcome = fn();
  results.push({ name, ...outcome, seconds: Math.round((Date.now() - started) / 1000) });
}

step('typecheck', () => {
  const tsc = npx(['tsc', '--noEmit', '-p', 'tsconfig.json']);
  const svelte = npx(['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
  return tally(tsc === 0 && svelte === 0 ? 2 : (tsc === 0) + (svelte === 0), (tsc !== 0) + (svelte !== 0), 0);
});

step('lint', () => (npx(['eslint', '.']) === 0 ? tally(1, 0, 0) : tally(0, 1, 0)));

for (const project of ['unit', 'integration']) {
  step(project, () => {
    const file = path.join(reportDir, `${project}.json`);
    const status = npx(['vitest', 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
    return fromVitest(file, status);
  });
}

for (const [name, config] of [['e2e', 'test/e2e/playwright.config.ts'], ['electron', 'test/electron/playwright.config.ts']]) {
  if (!existsSync(config)) continue;
  step(name, () => {
    const file = path.join(reportDir, `${name}.json`);
    const status = npx(['playwright', 'test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    return fromPlaywright(file, status);
  });
}

rmSync(reportDir, { recursive: true, force: true });

console.log('\n━━ summary ━━');
for (const r of results) {
  console.log(`${r.failed ? '✗' : '✓'} ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.seconds}s)`);
}
const sum = (key) => results.reduce((n, r) => n + r[key], 0);
console.log(`\nferry: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(sum('failed') > 0 ? 1 : 0);

function tally(passed, failed, skipped) {
  return { passed, failed, skipped };
}

function fromVitest(file, status) {
  if (!existsSync(file)) return tally(0, 1, 0);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return tally(report.numPassedTests, failed, report.numPendingTests + report.numTodoTests);
}

function fromPlaywright(file, status) {
  if (!existsSync(file)) return tally(0, 1, 0);
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  return tally(stats.expected + stats.flaky, failed, stats.skipped);
}
