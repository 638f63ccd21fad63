/** A download's User-Agent in the words people use ("Chrome", "Windows"); undefined parts are unknown. */
export interface AgentDescription {
  program?: string;
  system?: string;
}

// Order matters: Edge, Opera and the in-app browsers also say "Chrome" and "Safari".
const PROGRAMS: readonly [RegExp, string][] = [
  [/MicroMessenger\//, 'WeChat'],
  [/DingTalk\//, 'DingTalk'],
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\b(Chrome|CriOS)\//, 'Chrome'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/^Wget\//, 'Wget'],
  [/^(python-requests|python-urllib|aiohttp|Python)/i, 'Python'],
  [/^Go-http-client\//, 'Go'],
  [/^aliyun-sdk|^aliyun-oss|ossutil/i, 'Alibaba Cloud tool'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

export function describeAgent(agent: string): AgentDescription {
  const program = PROGRAMS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  return { ...(program ? { program } : {}), ...(system ? { system } : {}) };
}
