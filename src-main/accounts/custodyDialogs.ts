import { formatMessage } from '../errors/catalog.ts';
import type { LocalizedMessage } from '../errors/messageTable.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DialogPort } from '../ports/uiPorts.ts';
import type { CustodyConfirmations } from './keyCustody.ts';

/** Button labels (not sentences, so not in the message catalog). */
const buttons = {
  useHost: { en: 'Use this address', 'zh-CN': '使用此地址' },
  remove: { en: 'Remove connection', 'zh-CN': '删除连接' },
  keep: { en: 'Keep it', 'zh-CN': '保留' },
  switchSource: { en: 'Change and delete key', 'zh-CN': '更改并删除密钥' },
  change: { en: 'Change it', 'zh-CN': '更改' },
  cancel: { en: 'Cancel', 'zh-CN': '取消' },
} as const satisfies Record<string, LocalizedMessage>;

/**
 * The key-custody confirmations as OS dialogs owned by main: the page cannot answer them, and the safe
 * choice (the second button) is both the default and what Escape does.
 */
export function dialogConfirmations(dialog: Pick<DialogPort, 'confirm'>, lang: () => Promise<Lang>): CustodyConfirmations {
  const ask = async (code: string, yes: keyof typeof buttons, no: keyof typeof buttons, params: Record<string, string>): Promise<boolean> => {
    const l = await lang();
    const choice = await dialog.confirm({
      message: formatMessage(`${code}.message`, l, params),
      detail: formatMessage(`${code}.detail`, l, params),
      buttons: [buttons[yes][l], buttons[no][l]],
      defaultId: 1,
      cancelId: 1,
    });
    return choice === 0;
  };
  return {
    hosts: (name, hosts) => ask('accounts.confirmHosts', 'useHost', 'cancel', { name, hosts: hosts.join(', ') }),
    deleteKey: (name, reason) =>
      reason === 'remove' ? ask('accounts.confirmRemove', 'remove', 'keep', { name }) : ask('accounts.confirmSwitch', 'switchSource', 'cancel', { name }),
    reach: (name) => ask('accounts.confirmReach', 'change', 'cancel', { name }),
  };
}
