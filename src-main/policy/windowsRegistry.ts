import { NO_POLICY, checkPolicy, unreadablePolicy, type PolicyReading } from './policyModel.ts';

/**
 * Windows: Group Policy / Intune write values under HKLM\SOFTWARE\Policies\Ferry — the settings as values
 * (MaxLinkExpiry REG_SZ "7d", ForceV4Signatures REG_DWORD 1, …) and each preset connection as a subkey
 * Connections\<id> with its settings as values (Name, Bucket, Region, …, Locked). Value names are the
 * policy.json keys with a capital first letter. Read with `reg query … /s`, parsed here.
 */
export const WINDOWS_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Ferry';

const BOOLEAN_KEYS = new Set(['forceV4Signatures', 'requireIpRestrictedLinks', 'disableTrial', 'locked']);
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

type Raw = Record<string, unknown>;

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function valueOf(key: string, type: string, data: string): unknown {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const n = Number.parseInt(data, 16);
    return BOOLEAN_KEYS.has(key) && (n === 0 || n === 1) ? n === 1 : n;
  }
  if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') return data;
  // REG_MULTI_SZ, REG_BINARY, …: no Ferry setting has that type; kept so the check names the value.
  return { type };
}

/** `reg query HKLM\SOFTWARE\Policies\Ferry /s` output → the raw policy, for checkPolicy(). */
export function parseRegQuery(output: string): Raw {
  const root: Raw = {};
  const connections = new Map<string, Raw>();
  let target: Raw | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/i.test(line)) {
      const rest = line.trim().slice(WINDOWS_POLICY_KEY.length);
      if (line.trim().toUpperCase().slice(0, WINDOWS_POLICY_KEY.length) !== WINDOWS_POLICY_KEY.toUpperCase()) target = undefined;
      else if (rest === '') target = root;
      else {
        const parts = rest.split('\\').filter(Boolean);
        if (parts.length === 2 && parts[0]!.toLowerCase() === 'connections') {
          const id = parts[1]!;
          target = connections.get(id) ?? { id };
          connections.set(id, target);
        } else if (parts.length === 1 && parts[0]!.toLowerCase() === 'connections') target = undefined;
        else {
          // A subkey Ferry does not know: kept as an unknown setting so the whole policy is reported, not half-applied.
          root[camel(parts.join('.'))] = {};
          target = undefined;
        }
      }
      continue;
    }
    const value = VALUE_LINE.exec(line);
    if (!value || !target) continue;
    const [, name, type, data = ''] = value;
    if (name === '(Default)') continue;
    const key = camel(name!.trim());
    target[key] = valueOf(key, type!, data);
  }
  if (connections.size > 0) root.connections = [...connections.values()];
  return root;
}

/** Runs a program and gives its exit code and output (child_process in the app; recorded output in tests). */
export type RunProgram = (file: string, args: readonly string[]) => Promise<{ code: number; stdout: string }>;

export async function readWindowsPolicy(run: RunProgram): Promise<PolicyReading> {
  // chcp 65001: reg.exe writes in the console code page; UTF-8 keeps names such as "共享" intact.
  const result = await run('cmd.exe', ['/d', '/s', '/c', `chcp 65001 >nul & reg query "${WINDOWS_POLICY_KEY}" /s`]).catch(() => undefined);
  if (!result) return unreadablePolicy(WINDOWS_POLICY_KEY, 'cannot be read (reg query did not run)');
  // reg query exits 1 when the key does not exist: no policy.
  if (result.code !== 0) return NO_POLICY;
  return checkPolicy(parseRegQuery(result.stdout), WINDOWS_POLICY_KEY);
}
