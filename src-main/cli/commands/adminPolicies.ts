import type { RamPolicy, RamPolicyId } from '../../credentials/ramPolicies.ts';
import { text, type TextKey } from '../../i18n/text.ts';
import type { CommandContext } from '../command.ts';

/** One plain line per policy: what it is for and where it goes in the console. */
const EXPLAINED: Record<RamPolicyId, TextKey> = {
  'ram-user': 'cli.admin.policy.ramUser',
  role: 'cli.admin.policy.role',
  trust: 'cli.admin.policy.trust',
  'link-signing': 'cli.admin.policy.linkSigning',
  'access-logs': 'cli.admin.policy.accessLogs',
};

/** The policies with their explanation in both languages IT may need (the console is shown in either). */
export function policiesForJson(policies: RamPolicy[]): { id: RamPolicyId; explanation: { en: string; 'zh-CN': string }; document: unknown }[] {
  return policies.map((p) => ({ id: p.id, explanation: { en: text('en', EXPLAINED[p.id]), 'zh-CN': text('zh-CN', EXPLAINED[p.id]) }, document: p.document }));
}

/** Numbered policies, each under its English and Chinese line, as JSON to paste into the console. */
export function policiesText(ctx: CommandContext, policies: RamPolicy[], accessLogsAsked: boolean): string {
  const blocks = policies.map((p, i) => `${i + 1}. ${text('en', EXPLAINED[p.id])}\n   ${text('zh-CN', EXPLAINED[p.id])}\n${JSON.stringify(p.document, null, 2)}`);
  const tail = accessLogsAsked ? [] : [text(ctx.lang, 'cli.admin.accessLogsHint')];
  return [text(ctx.lang, 'cli.admin.policiesIntro'), ...blocks, ...tail].join('\n\n');
}
