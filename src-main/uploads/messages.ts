import type { MessageTable } from '../errors/messageTable.ts';

export const uploadsMessages = {
  'uploads.noProfile': {
    en: 'There is no connection to upload to yet. Open Settings and add the connection IT gave you (or choose "Try it locally").',
    'zh-CN': '还没有可上传的连接。请打开“设置”，添加 IT 提供的连接（或选择“本地试用”）。',
  },
  'uploads.profileNotFound': {
    en: 'There is no connection called "{profile}". Run "ferry profiles" to see the names, then try again.',
    'zh-CN': '没有名为“{profile}”的连接。请运行 "ferry profiles" 查看名称后重试。',
  },
  'uploads.fileGone': {
    en: '"{name}" is no longer there — it was moved or deleted before it finished uploading. Put it back and choose Retry, or drop it again.',
    'zh-CN': '“{name}”已不在原处——它在上传完成前被移动或删除了。请将它放回后点“重试”，或重新拖入。',
  },
  'uploads.unreadable': {
    en: 'Ferry is not allowed to read "{name}". Check that you can open the file yourself (or ask its owner for access), then choose Retry.',
    'zh-CN': 'Ferry 无权读取“{name}”。请确认您自己能打开该文件（或向文件所有者申请权限），然后点“重试”。',
  },
  'uploads.notAFile': {
    en: '"{name}" is not a regular file, so it was skipped. Drop the files themselves instead.',
    'zh-CN': '“{name}”不是普通文件，已跳过。请直接拖入文件本身。',
  },
  'uploads.readFailed': {
    en: 'The disk reported an error while reading "{name}". Copy the file somewhere else (for example your desktop) and upload that copy.',
    'zh-CN': '读取“{name}”时磁盘报告了错误。请将文件复制到其他位置（例如桌面）后上传副本。',
  },
  'uploads.fileKeepsChanging': {
    en: '"{name}" kept changing while it was uploading, so Ferry stopped rather than upload a mix of versions. Close the program that is writing to it, then choose Retry.',
    'zh-CN': '“{name}”在上传过程中不断变化，为避免上传混杂的版本，Ferry 已停止。请关闭正在写入该文件的程序，然后点“重试”。',
  },
  'uploads.badName': {
    en: 'Ferry cannot make a file name in the bucket from "{name}". Rename the file with ordinary letters and try again.',
    'zh-CN': 'Ferry 无法用“{name}”生成存储空间中的文件名。请用常规字符重命名该文件后重试。',
  },
  'uploads.pathTooLong': {
    en: 'The folder path of "{name}" is too long for the bucket (OSS allows 1023 bytes). Move the file into a folder with a shorter path and try again.',
    'zh-CN': '“{name}”的文件夹路径对存储空间来说太长（OSS 最多允许 1023 字节）。请将文件移到路径较短的文件夹后重试。',
  },
  'uploads.tooLarge': {
    en: '"{name}" is larger than OSS accepts (48.8 TB). Split it into smaller files and upload those.',
    'zh-CN': '“{name}”超过了 OSS 可接受的大小（48.8 TB）。请将其拆分为较小的文件后上传。',
  },
  'uploads.droppedTooLarge': {
    en: '"{name}" came straight from a browser or mail program and is larger than 256 MB, too big to take from there. Save it to your computer first (for example to Downloads), then drop the saved file.',
    'zh-CN': '“{name}”直接来自浏览器或邮件程序，且大于 256 MB，无法直接从那里接收。请先把它保存到电脑上（例如“下载”文件夹），再拖入保存好的文件。',
  },
  'uploads.clipboardEmpty': {
    en: 'The clipboard holds no files or picture to upload. Copy a file in your file manager, or copy a picture, then try again.',
    'zh-CN': '剪贴板中没有可上传的文件或图片。请先在文件管理器中复制文件或复制一张图片，然后重试。',
  },
  'uploads.nothingToUpload': {
    en: 'There was nothing to upload in what you chose (empty folders and system files such as .DS_Store are skipped). Choose other files and try again.',
    'zh-CN': '您选择的内容中没有可上传的文件（空文件夹和 .DS_Store 等系统文件会被跳过）。请选择其他文件后重试。',
  },
  'uploads.verifyFailed': {
    en: 'The copy of "{name}" in the bucket did not match the file (checksum differs), so it is not marked as done. Choose Retry; if it happens again, tell IT.',
    'zh-CN': '存储空间中“{name}”的副本与原文件不一致（校验值不同），因此未标记为完成。请点“重试”；如果再次发生，请告知 IT。',
  },
  'uploads.notice.changedRestarted': {
    en: 'The file changed while it was uploading, so Ferry started it over to upload the new version.',
    'zh-CN': '文件在上传过程中发生了变化，Ferry 已重新开始上传新版本。',
  },
  'uploads.notice.changedSinceStart': {
    en: 'The file changed since this upload began, so Ferry started it over instead of resuming.',
    'zh-CN': '自上传开始以来文件已更改，因此 Ferry 重新开始上传，而不是继续。',
  },
  'uploads.notice.serverForgot': {
    en: 'The unfinished upload was no longer on the server, so Ferry started this file over.',
    'zh-CN': '服务器上已没有这次未完成的上传，Ferry 已重新开始上传此文件。',
  },
  'uploads.notice.nameTaken': {
    en: 'Someone saved a file with the same name at the same moment, so Ferry uploaded this one under a new name.',
    'zh-CN': '有人同时保存了同名文件，Ferry 已用新名称上传此文件。',
  },
  'uploads.notice.verifyFailed': {
    en: 'The uploaded copy did not match the file, so Ferry is sending it again.',
    'zh-CN': '上传的副本与文件不一致，Ferry 正在重新发送。',
  },
  'uploads.notice.resumed': {
    en: 'Continued from where the last upload stopped.',
    'zh-CN': '已从上次中断处继续上传。',
  },
} satisfies MessageTable;
