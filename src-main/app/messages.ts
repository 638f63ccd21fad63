import type { MessageTable } from '../errors/messageTable.ts';

/** Messages that belong to no single capability. */
export const appMessages = {
  'app.unexpected': {
    en: 'Something went wrong inside Ferry. Try again; if it keeps happening, restart Ferry and tell IT what you were doing.',
    'zh-CN': 'Ferry 内部出错了。请重试；如果反复出现，请重启 Ferry，并告诉 IT 您当时在做什么。',
  },
  'app.invalidRequest': {
    en: 'Ferry received a request it did not understand. Restart Ferry; if it keeps happening, tell IT.',
    'zh-CN': 'Ferry 收到了无法识别的请求。请重启 Ferry；如果反复出现，请告诉 IT。',
  },
  'app.forbiddenSender': {
    en: 'This request did not come from a Ferry window and was refused.',
    'zh-CN': '此请求并非来自 Ferry 窗口，已被拒绝。',
  },
  'app.usage': {
    en: '{detail} Run "ferry --help" to see how to use it.',
    'zh-CN': '{detail} 运行 "ferry --help" 查看用法。',
  },
  'app.noElectron': {
    en: 'No Electron runtime was found, so the Ferry window cannot open here. Install Electron with "npm install electron" on a machine with internet access, or set ELECTRON_EXEC_PATH to an Electron binary; "npm run preview" shows the window in a browser instead.',
    'zh-CN': '未找到 Electron 运行时，因此无法在此打开 Ferry 窗口。请在能上网的电脑上运行 "npm install electron" 安装 Electron，或将 ELECTRON_EXEC_PATH 设为 Electron 程序路径；也可以运行 "npm run preview" 在浏览器中查看窗口。',
  },
} satisfies MessageTable;
