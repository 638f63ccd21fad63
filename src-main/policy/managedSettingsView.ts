import { text } from '../i18n/text.ts';
import type { Lang } from '../i18n/lang.ts';
import { presetProfileId, type ManagedPolicy } from './managedPolicy.ts';

/** A malformed policy in plain words: where it is, what is wrong, and that IT must fix it. */
export function policyProblemText(policy: ManagedPolicy, lang: Lang): string | undefined {
  const { problem, source } = policy.reading;
  if (!problem) return undefined;
  return text(lang, 'policy.malformed', { source: source ?? '', problem });
}

/** What the window shows of IT's settings (app.managedSettings). */
export function managedSettingsView(policy: ManagedPolicy, lang: Lang) {
  const p = policy.policy;
  const problem = policyProblemText(policy, lang);
  return {
    lockedProfileIds: policy.presets.filter((c) => c.locked).map(presetProfileId),
    ...(p.maxLinkExpiry ? { maxLinkExpiry: p.maxLinkExpiry } : {}),
    ...(p.defaultLinkExpiry ? { defaultLinkExpiry: p.defaultLinkExpiry } : {}),
    forceV4Signatures: p.forceV4Signatures ?? false,
    requireIpRestrictedLinks: p.requireIpRestrictedLinks ?? false,
    disableTrial: p.disableTrial ?? false,
    ...(problem ? { problem } : {}),
  };
}
