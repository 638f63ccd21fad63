import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { NO_POLICY, type PolicyReading } from './policyModel.ts';
import { readPolicyFile } from './policyFile.ts';
import { readMacPolicy } from './macPreferences.ts';
import { readWindowsPolicy, type RunProgram } from './windowsRegistry.ts';

/** The app's bundle id (electron-builder.config.cjs appId): macOS managed preferences are kept under it. */
export const APP_ID = 'app.ferry.desktop';

const run: RunProgram = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024 }, (error, stdout) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout });
    });
  });

/**
 * The machine's managed settings, read once at start (app and CLI). `FERRY_POLICY_FILE` names a
 * policy.json to use only where the machine has no policy of its own (tests, trying a policy out):
 * it can never loosen one IT deployed.
 */
export async function readMachinePolicy(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<PolicyReading> {
  let reading: PolicyReading;
  if (platform === 'win32') reading = await readWindowsPolicy(run);
  else if (platform === 'darwin') reading = await readMacPolicy(run, APP_ID, userInfo().username, existsSync);
  else reading = await readPolicyFile();
  if (reading.source === undefined && env.FERRY_POLICY_FILE) return readPolicyFile(env.FERRY_POLICY_FILE);
  return reading ?? NO_POLICY;
}
