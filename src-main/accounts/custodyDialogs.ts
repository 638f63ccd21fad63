import type { Lang } from '../i18n/lang.ts';
import { text, type TextKey } from '../i18n/text.ts';
import type { DialogPort } from '../ports/uiPorts.ts';
import type { CustodyConfirmations } from './keyCustody.ts';

type Question = 'accounts.confirmHosts' | 'accounts.confirmRemove' | 'accounts.confirmSwitch' | 'accounts.confirmReach';

/**
 * The key-custody confirmations as OS dialogs owned by main: the page cannot answer them, and the safe
 * choice (the second button) is both the default and what Escape does.
 */
export function dialogConfirmations(dialog: Pick<DialogPort, 'confirm'>, lang: () => Promise<Lang>): CustodyConfirmations {
  const ask = async (question: Question, yes: TextKey, no: TextKey, params: Record<string, string>): Promise<boolean> => {
    const l = await lang();
    const choice = await dialog.confirm({
      message: text(l, `${question}.message`, params),
      detail: text(l, `${question}.detail`, params),
      buttons: [text(l, yes), text(l, no)],
      defaultId: 1,
      cancelId: 1,
    });
    return choice === 0;
  };
  return {
    hosts: (name, hosts) => ask('accounts.confirmHosts', 'accounts.useHostButton', 'app.cancelButton', { name, hosts: hosts.join(', ') }),
    deleteKey: (name, reason) =>
      reason === 'remove'
        ? ask('accounts.confirmRemove', 'accounts.removeButton', 'accounts.keepButton', { name })
        : ask('accounts.confirmSwitch', 'accounts.switchSourceButton', 'app.cancelButton', { name }),
    reach: (name) => ask('accounts.confirmReach', 'accounts.changeButton', 'app.cancelButton', { name }),
  };
}
