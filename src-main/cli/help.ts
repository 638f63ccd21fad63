import type { Lang } from '../i18n/lang.ts';
import type { Command } from './command.ts';

const intro = {
  en: 'Ferry — share files through your company\'s Alibaba Cloud OSS bucket.\n\nUsage: ferry <command> [options]',
  'zh-CN': 'Ferry —— 通过公司的阿里云 OSS 存储空间分享文件。\n\n用法：ferry <命令> [选项]',
} as const;

const globals = {
  en: `Options for every command:
  --json       print one JSON object per line (for scripts)
  --help, -h   show help
  --version    show Ferry's version

Data folder: FERRY_HOME, or the folder the Ferry app uses.
Exit codes: 0 ok, 1 the operation failed, 2 usage error.`,
  'zh-CN': `所有命令通用的选项：
  --json       每行输出一个 JSON 对象（供脚本使用）
  --help, -h   显示帮助
  --version    显示 Ferry 版本

数据目录：FERRY_HOME，或 Ferry 应用使用的目录。
退出码：0 成功，1 操作失败，2 用法错误。`,
} as const;

export function helpText(commands: Command[], lang: Lang, only?: Command): string {
  if (only) return `${only.usage}\n\n${only.summary[lang]}`;
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`).join('\n');
  const heading = lang === 'zh-CN' ? '命令：' : 'Commands:';
  return `${intro[lang]}\n\n${heading}\n${list}\n\n${globals[lang]}`;
}
