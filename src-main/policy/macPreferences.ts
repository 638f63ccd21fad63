import { parseStringPromise } from 'xml2js';
import { checkPolicy, NO_POLICY, unreadablePolicy, type PolicyReading } from './policyModel.ts';
import type { RunProgram } from './windowsRegistry.ts';

/**
 * macOS: an MDM configuration profile for the app's bundle id lands in /Library/Managed Preferences
 * (machine-wide, or per user in a subfolder) as a plist with the policy.json keys. `plutil` turns it
 * (binary or XML) into XML, parsed here.
 */
export function managedPreferencesFiles(appId: string, user: string): string[] {
  return [`/Library/Managed Preferences/${appId}.plist`, `/Library/Managed Preferences/${user}/${appId}.plist`];
}

interface XmlNode {
  '#name': string;
  _?: string;
  $$?: XmlNode[];
}

function valueOf(node: XmlNode): unknown {
  const children = node.$$ ?? [];
  switch (node['#name']) {
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (let i = 0; i + 1 < children.length; i += 2) {
        if (children[i]!['#name'] !== 'key') throw new Error('dict without key');
        out[children[i]!._ ?? ''] = valueOf(children[i + 1]!);
      }
      return out;
    }
    case 'array':
      return children.map(valueOf);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'integer':
      return Number(node._ ?? NaN);
    case 'real':
      return Number(node._ ?? NaN);
    case 'string':
      return node._ ?? '';
    default:
      // date, data: no Ferry setting has that type; kept so the check names the value.
      return { type: node['#name'] };
  }
}

/** A plist in XML form (`plutil -convert xml1`, `defaults export`) → its top-level value. */
export async function parsePlistXml(xml: string): Promise<unknown> {
  const doc = (await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false, trim: false })) as { plist?: XmlNode };
  const top = doc.plist?.$$?.[0];
  if (!top) throw new Error('not a plist');
  return valueOf(top);
}

/** The first managed-preferences file that exists wins (machine-wide before the user's own). */
export async function readMacPolicy(run: RunProgram, appId: string, user: string, exists: (file: string) => boolean): Promise<PolicyReading> {
  const file = managedPreferencesFiles(appId, user).find(exists);
  if (!file) return NO_POLICY;
  const result = await run('/usr/bin/plutil', ['-convert', 'xml1', '-o', '-', file]).catch(() => undefined);
  if (!result || result.code !== 0) return unreadablePolicy(file, 'cannot be read');
  let raw: unknown;
  try {
    raw = await parsePlistXml(result.stdout);
  } catch {
    return unreadablePolicy(file, 'is not a valid property list');
  }
  return checkPolicy(raw, file);
}
