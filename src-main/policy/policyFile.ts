import { readFile } from 'node:fs/promises';
import { checkPolicy, NO_POLICY, unreadablePolicy, type PolicyReading } from './policyModel.ts';

/** Where Linux machines keep Ferry's managed settings. */
export const LINUX_POLICY_FILE = '/etc/ferry/policy.json';

/** A policy.json file: absent → no policy; present but unreadable or not JSON → reported, ignored. */
export async function readPolicyFile(file: string = LINUX_POLICY_FILE): Promise<PolicyReading> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_POLICY;
    return unreadablePolicy(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch {
    return unreadablePolicy(file, 'is not valid JSON');
  }
  return checkPolicy(raw, file);
}
