import type { MessageTable } from '../errors/messageTable.ts';

/** Share links: failures (what happened + what to do) and the sentences Ferry shows around a link. */
export const linksMessages = {
  'links.expiryInvalid': {
    en: '"{value}" is not an expiry Ferry understands. Choose 1 hour, end of today, 1 day, 7 days, or a date and time.',
    'zh-CN': '无法识别有效期"{value}"。请选择 1 小时、今天结束、1 天、7 天，或指定日期和时间。',
  },
  'links.expiryInPast': {
    en: 'That date and time has already passed. Choose a time in the future for the link to stop working.',
    'zh-CN': '该日期和时间已经过去。请选择一个将来的时间作为链接失效时间。',
  },
  'links.credentialsTooShort': {
    en: 'Ferry could not get sign-in credentials that last long enough to make a working link. Try again in a minute; if it keeps happening, tell IT.',
    'zh-CN': 'Ferry 无法获得有效期足够长的临时凭证来生成可用链接。请一分钟后重试；如果反复出现，请告诉 IT。',
  },
  'links.badSourceIp': {
    en: '"{value}" is not an IP address or range. Enter an address such as 203.0.113.7 or a range such as 203.0.113.0/24.',
    'zh-CN': '"{value}"不是有效的 IP 地址或地址段。请输入类似 203.0.113.7 的地址或类似 203.0.113.0/24 的地址段。',
  },
  'links.badLimit': {
    en: 'A download speed limit must be a whole number between {min} and {max} KB/s. Change the limit, or leave it empty for no limit.',
    'zh-CN': '下载限速必须是 {min} 到 {max} KB/s 之间的整数。请修改限速，或留空表示不限速。',
  },
  'links.inlineUnsupported': {
    en: '"{name}" cannot be opened in a browser, only downloaded. Share it as a download instead (only images, PDFs and videos open in the browser).',
    'zh-CN': '"{name}"无法在浏览器中打开，只能下载。请改为以下载方式分享（只有图片、PDF 和视频可在浏览器中打开）。',
  },
  'links.uploadOnly': {
    en: 'The profile "{profile}" can only upload files, so Ferry cannot make share links with it. Ask the person who gave you this profile to share the files for you.',
    'zh-CN': '配置"{profile}"只能上传文件，因此 Ferry 无法用它生成分享链接。请联系提供此配置的人代您分享文件。',
  },
  'links.noProfile': {
    en: 'There is no account set up to share from. Connect Ferry to your company storage first (Settings → Connect).',
    'zh-CN': '还没有可用于分享的账号。请先将 Ferry 连接到公司存储（设置 → 连接）。',
  },
  'links.profileNotFound': {
    en: 'The account this link belongs to no longer exists in Ferry. Set it up again, or make a new link from another account.',
    'zh-CN': '此链接所属的账号已不在 Ferry 中。请重新设置该账号，或用其他账号生成新链接。',
  },
  'links.entryNotFound': {
    en: 'Ferry has no record of that link any more. Make a new link for the file instead.',
    'zh-CN': 'Ferry 中已没有该链接的记录。请为该文件生成新链接。',
  },
  'links.objectMissing': {
    en: '"{name}" is no longer in storage, so a link to it would not work. Upload the file again, then share it.',
    'zh-CN': '"{name}"已不在存储中，链接将无法使用。请重新上传该文件后再分享。',
  },
  'links.outsideFolder': {
    en: '"{name}" is outside your shared folder ({folder}), so Ferry will not share, move or delete it. Share files Ferry uploaded for you, or ask IT for access to that folder.',
    'zh-CN': '"{name}"不在您的共享文件夹（{folder}）中，因此 Ferry 不会分享、移动或删除它。请分享由 Ferry 上传的文件，或请 IT 为您开通该文件夹的权限。',
  },
  'links.stopped': {
    en: 'Sharing of "{name}" was stopped, so Ferry will not make new links to its old location. Share the moved file, or upload it again.',
    'zh-CN': '"{name}"已停止分享，Ferry 不会再为其原位置生成链接。请分享移动后的文件，或重新上传。',
  },
  'links.stoppedDeleted': {
    en: '"{name}" was deleted from storage when you stopped sharing it, so a link to it would not work. To share it again, upload the file again.',
    'zh-CN': '停止分享时已从存储中删除"{name}"，因此它的链接将无法使用。如需再次分享，请重新上传该文件。',
  },
  'links.stoppedMoved': {
    en: 'Sharing of "{name}" was stopped and the file was moved to a new place, so a link to its old place would not work. Share the moved file instead.',
    'zh-CN': '"{name}"已停止分享，文件已移到新位置，因此指向原位置的链接将无法使用。请改为分享移动后的文件。',
  },
  'links.entryExpired': {
    en: 'The link to "{name}" has expired. Use Renew to make a fresh link for the same file.',
    'zh-CN': '"{name}"的链接已过期。请使用"续期"为该文件生成新链接。',
  },
  'links.nothingActive': {
    en: 'None of the selected links still works. Use Renew to make fresh links.',
    'zh-CN': '所选链接均已失效。请使用"续期"生成新链接。',
  },
  'links.moveIncomplete': {
    en: 'Ferry could not finish moving "{name}", so the old links still work and the file was left where it was. Try again.',
    'zh-CN': 'Ferry 未能完成移动"{name}"，因此旧链接仍然有效，文件仍在原处。请重试。',
  },
  'links.notRecorded': {
    en: 'The link was copied, but Ferry could not add it to your list of links, so it will not appear there. Check that your disk is not full, then make the link again.',
    'zh-CN': '链接已复制，但 Ferry 无法将其记入链接列表，因此列表中不会显示它。请检查磁盘是否已满，然后重新生成链接。',
  },
  'links.recordFailed': {
    en: 'Ferry could not add the link to your list of links, so it was not made. Check that your disk is not full, then try again.',
    'zh-CN': 'Ferry 无法将链接记入链接列表，因此未生成链接。请检查磁盘是否已满，然后重试。',
  },
  'links.exportFailed': {
    en: 'Ferry could not save the list of links there. Choose another folder and try again.',
    'zh-CN': 'Ferry 无法将链接列表保存到该位置。请选择其他文件夹后重试。',
  },

  'links.summary.copied': {
    en: 'Link copied. It works until {until}.',
    'zh-CN': '链接已复制，有效期至 {until}。',
  },
  'links.why.credentials': {
    en: 'You asked for {requested}, but the link is signed with temporary credentials that stop working sooner. To share for longer (up to 7 days), ask IT to add a link-signing key to this account.',
    'zh-CN': '您选择的是 {requested}，但此链接使用的临时凭证会更早失效。如需更长的分享期（最长 7 天），请让 IT 为此账号添加链接签名密钥。',
  },
  'links.why.maximum': {
    en: 'You asked for {requested}, but share links last at most 7 days. Make a new link when this one runs out.',
    'zh-CN': '您选择的是 {requested}，但分享链接最长有效 7 天。到期后请重新生成链接。',
  },
  'links.summary.messageCopied': {
    en: 'Message with the link copied. The link works until {until}.',
    'zh-CN': '含链接的消息已复制，链接有效期至 {until}。',
  },
  'links.shareMessage': {
    en: '{name} ({size})\n{url}\nValid until {until}.',
    'zh-CN': '{name}（{size}）\n{url}\n有效期至 {until}。',
  },
  'links.stop.deleteMessage': {
    en: 'Delete "{name}" from storage?',
    'zh-CN': '要从存储中删除"{name}"吗？',
  },
  'links.stop.deleteDetail': {
    en: 'Links you already sent cannot be recalled; deleting the file makes {count, plural, =0 {any of them} one {that link} other {all # of them}} stop working. The file is gone for you too.',
    'zh-CN': '已发出的链接无法撤回；删除文件后，全部 {count} 个链接都将失效。您自己也将无法再获取该文件。',
  },
  'links.cli.deleted': {
    en: 'Deleted {key}. {count, plural, one {# link that was still valid no longer works} other {# links that were still valid no longer work}}.',
    'zh-CN': '已删除 {key}。{count} 个仍在有效期内的链接已失效。',
  },
  'links.cli.moved': {
    en: 'Moved {key} to {newKey}. {count, plural, one {# link that was still valid no longer works} other {# links that were still valid no longer work}}; make new links from the new key.',
    'zh-CN': '已将 {key} 移动到 {newKey}。{count} 个仍在有效期内的链接已失效；请用新位置生成新链接。',
  },
} satisfies MessageTable;
