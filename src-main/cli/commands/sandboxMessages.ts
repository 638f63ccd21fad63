import type { MessageTable } from '../../errors/messageTable.ts';

/** The local sandbox (`ferry sandbox`, "Try it locally"): why it could not start and what to do. */
export const sandboxMessages = {
  'sandbox.configUnreadable': {
    en: 'Ferry could not read the sandbox config file {file}: it is missing or is not valid JSON. Check the path and the file, then start the sandbox again.',
    'zh-CN': 'Ferry 无法读取沙盒配置文件 {file}：文件不存在或不是有效的 JSON。请检查路径和文件内容后重新启动沙盒。',
  },
  'sandbox.configInvalid': {
    en: 'The sandbox config file {file} has problems:\n{problems}\nFix them and start the sandbox again.',
    'zh-CN': '沙盒配置文件 {file} 有以下问题：\n{problems}\n请修正后重新启动沙盒。',
  },
  'sandbox.portInUse': {
    en: 'Port {port} is already in use, so the sandbox cannot start there. Choose another port with --port, or close the program that uses it.',
    'zh-CN': '端口 {port} 已被占用，沙盒无法在此端口启动。请用 --port 选择其他端口，或关闭占用该端口的程序。',
  },
  'sandbox.dataFolderUnusable': {
    en: 'The sandbox cannot use the folder {folder} for its data. Choose a folder you can write to with --data.',
    'zh-CN': '沙盒无法使用文件夹 {folder} 保存数据。请用 --data 指定一个可写的文件夹。',
  },
} satisfies MessageTable;
