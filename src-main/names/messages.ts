import type { MessageTable } from '../errors/messageTable.ts';

export const namesMessages = {
  'names.onlyHidden': {
    en: 'The name "{name}" is made only of hidden characters (shown here as codes), so it cannot be a file name in storage. Rename the file with letters or digits, then upload it again.',
    'zh-CN': '名称“{name}”只由隐藏字符组成（此处以代码显示），无法用作存储中的文件名。请用字母或数字重命名该文件，然后重新上传。',
  },
  'names.cleaned': {
    en: 'Hidden characters removed from the name in storage.',
    'zh-CN': '已去除存储中文件名里的隐藏字符。',
  },
} satisfies MessageTable;
