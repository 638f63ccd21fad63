import type { StepId, StepResult } from '../../accounts/connectionTest.ts';
import { text } from '../../i18n/text.ts';
import type { CommandContext } from '../command.ts';

const WORD: Record<StepId, 'keychain' | 'stsReachable' | 'assumeRole' | 'bucket' | 'write' | 'link' | 'cleanup'> = {
  keychain: 'keychain',
  'sts-reachable': 'stsReachable',
  'assume-role': 'assumeRole',
  bucket: 'bucket',
  write: 'write',
  link: 'link',
  cleanup: 'cleanup',
};
const MARK = { ok: '✓', failed: '✗', skipped: '–', pending: ' ' } as const;

/** A connection test's steps in words (ids only in --json), then what failed on stderr in both modes. */
export function printTestSteps(ctx: CommandContext, result: { ok: boolean; steps: StepResult[] }, trial: boolean): void {
  if (ctx.json) {
    for (const step of result.steps) ctx.print({ step }, '');
    ctx.print({ ok: result.ok }, '');
  } else {
    const word = (id: StepId): string => text(ctx.lang, `cli.testStep.${trial && id === 'sts-reachable' ? 'stsReachableTrial' : WORD[id]}`);
    ctx.print({}, result.steps.map((s) => `${MARK[s.status]} ${word(s.id)}${s.error && s.status !== 'failed' ? `: ${s.error.message}` : ''}`).join('\n'));
  }
  for (const step of result.steps) if (step.status === 'failed' && step.error) ctx.io.stderr.write(`ferry: ${step.error.message}\n`);
}
