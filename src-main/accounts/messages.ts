import type { MessageTable } from '../errors/messageTable.ts';

export const accountsMessages = {
  'accounts.connectionUnreadable': {
    en: 'This is not a Ferry connection file or link. Ask IT to send the connection again (a file ending in .ferry.json or a link starting with ferry://connect).',
    'zh-CN': '这不是 Ferry 连接文件或链接。请让 IT 重新发送连接（以 .ferry.json 结尾的文件或以 ferry://connect 开头的链接）。',
  },
  'accounts.connectionTooLarge': {
    en: 'This connection file is far too large to be a Ferry connection, so Ferry did not read it. Ask IT to send it again.',
    'zh-CN': '此连接文件过大，不可能是 Ferry 连接，因此 Ferry 没有读取它。请让 IT 重新发送。',
  },
  'accounts.connectionInvalid': {
    en: 'This connection has a missing or unsafe value ("{field}"), so Ferry refused it. Ask IT to check and send it again.',
    'zh-CN': '此连接中的“{field}”缺失或不安全，因此 Ferry 拒绝了它。请让 IT 检查后重新发送。',
  },
  'accounts.connectionHasSecret': {
    en: 'This connection contains a secret key, which connection files must never carry. Ferry refused it; tell IT, and delete the file or message.',
    'zh-CN': '此连接中包含密钥，而连接文件绝不应包含密钥。Ferry 已拒绝它；请告知 IT，并删除该文件或消息。',
  },
  'accounts.tokenServiceUrlHasSecret': {
    en: 'The token service address carries a key or token in it. Ferry refuses it: the address is shown on screen and saved as plain text. Ask IT for an address without one.',
    'zh-CN': '令牌服务地址中带有密钥或令牌。Ferry 拒绝使用它：该地址会显示在屏幕上并以明文保存。请向 IT 索取不含密钥的地址。',
  },
  'accounts.profileNotFound': {
    en: 'That connection no longer exists. Pick another connection or add it again.',
    'zh-CN': '该连接已不存在。请选择其他连接或重新添加。',
  },
  'accounts.noActiveProfile': {
    en: 'No connection is set up yet. Add the connection IT gave you, or choose "Try it on this computer".',
    'zh-CN': '尚未设置连接。请添加 IT 提供的连接，或选择“在本机试用”。',
  },
  'accounts.profilesFileDamaged': {
    en: 'Ferry\'s list of connections is damaged and could not be read. Your keys are safe in the keychain; remove the file profiles.json from Ferry\'s data folder and add your connection again.',
    'zh-CN': 'Ferry 的连接列表已损坏，无法读取。您的密钥仍安全保存在钥匙串中；请删除 Ferry 数据目录中的 profiles.json，然后重新添加连接。',
  },
  'accounts.roleArnRequired': {
    en: 'This connection needs a Role ARN (it looks like acs:ram::1234567890123456:role/ferry). Ask IT for it.',
    'zh-CN': '此连接需要 Role ARN（类似 acs:ram::1234567890123456:role/ferry）。请向 IT 索取。',
  },
  'accounts.accessKeyRequired': {
    en: 'Enter the AccessKey ID and secret IT gave you; Ferry keeps them only in this computer\'s keychain.',
    'zh-CN': '请输入 IT 给您的 AccessKey ID 和 Secret；Ferry 只会把它们保存在本机钥匙串中。',
  },
  'accounts.temporaryRequired': {
    en: 'Paste all four temporary values: AccessKey ID, AccessKey secret, security token and expiry time.',
    'zh-CN': '请粘贴全部四个临时值：AccessKey ID、AccessKey Secret、安全令牌和过期时间。',
  },
  'accounts.uploadOnly': {
    en: 'These credentials can upload but not share: links made with them would not open. Uploading works; ask IT for download (GetObject) permission if you need share links.',
    'zh-CN': '这些凭证可以上传但不能分享：用它们生成的链接无法打开。上传功能可以正常使用；如需分享链接，请向 IT 申请下载（GetObject）权限。',
  },
  'accounts.linkCheckFailed': {
    en: 'The test link did not return the test file. Try again; if it keeps failing, show this result to IT.',
    'zh-CN': '测试链接没有返回测试文件。请重试；如果仍然失败，请把此结果告诉 IT。',
  },
  'accounts.cleanupDenied': {
    en: 'Ferry is not allowed to delete files, so the small test file "{key}" stays in the bucket. It is harmless; IT can remove it.',
    'zh-CN': 'Ferry 无权删除文件，因此小测试文件“{key}”仍留在存储空间中。它不会造成影响；IT 可以将其删除。',
  },
  'accounts.sandboxFailed': {
    en: 'Ferry could not start its built-in practice storage on this computer. Restart Ferry and try again; if it keeps failing, tell IT.',
    'zh-CN': 'Ferry 无法在本机启动内置的练习存储。请重启 Ferry 后重试；如果仍然失败，请告诉 IT。',
  },
  'accounts.hostNotConfirmed': {
    en: 'Nothing was saved: you chose not to use {hosts}. If IT gave you this connection, ask them whether that address is right.',
    'zh-CN': '未保存任何内容：您选择了不使用 {hosts}。如果此连接来自 IT，请向他们确认该地址是否正确。',
  },
  'accounts.hostNeedsAllowFlag': {
    en: 'This connection sends your key\'s sign-ins or your files to {hosts}, which is not an Alibaba Cloud address. Nothing was saved. If IT told you to use it, run the command again with {flags}.',
    'zh-CN': '此连接会把密钥签名或文件发送到 {hosts}，这不是阿里云的地址。未保存任何内容。如果 IT 要求使用该地址，请加上 {flags} 重新运行命令。',
  },
  'accounts.hostsUnconfirmed': {
    en: '"{name}" would send your key\'s sign-ins or your files to {hosts}, which is not an Alibaba Cloud address and was never confirmed on this computer, so Ferry does not use it. Remove the connection and add it again from IT\'s file or link, confirming that address if IT told you to use it.',
    'zh-CN': '“{name}”会把密钥签名或文件发送到 {hosts}，这不是阿里云的地址，且从未在本机确认过，因此 Ferry 不会使用它。请删除此连接，然后用 IT 提供的文件或链接重新添加；如果 IT 要求使用该地址，请在添加时确认。',
  },
  'accounts.keyNeededForChange': {
    en: 'To change where "{name}" sends files (address, bucket, folder, role or sign-in method), Ferry needs its key again. Type the AccessKey ID and secret IT gave you, then click "Save and test connection".',
    'zh-CN': '要更改“{name}”的文件去向（地址、存储空间、文件夹、角色或登录方式），Ferry 需要再次输入它的密钥。请输入 IT 给您的 AccessKey ID 和 Secret，然后点击“保存并测试连接”。',
  },
  'accounts.temporaryNeededForChange': {
    en: 'To change where "{name}" sends files, Ferry needs its temporary credentials again. Paste all four values IT gave you and save again.',
    'zh-CN': '要更改“{name}”的文件去向，Ferry 需要再次输入它的临时凭证。请粘贴 IT 给您的全部四个值，然后再次保存。',
  },
  'accounts.signingKeyNeededForChange': {
    en: 'To change where "{name}" sends files, Ferry needs its link-signing key again. Type the link-signing key ID and secret under "More options", then click "Save and test connection".',
    'zh-CN': '要更改“{name}”的文件去向，Ferry 需要再次输入它的链接签名密钥。请在“更多选项”中输入链接签名密钥 ID 和 Secret，然后点击“保存并测试连接”。',
  },
  'accounts.changeCancelled': {
    en: 'Nothing was changed: "{name}" stays as it was, and its key stays in this computer\'s keychain.',
    'zh-CN': '未做任何更改：“{name}”保持原样，它的密钥仍保存在本机钥匙串中。',
  },
  'accounts.confirmHosts.message': {
    en: 'Send your key\'s sign-ins and your files to {hosts}?',
    'zh-CN': '要把密钥签名和您的文件发送到 {hosts} 吗？',
  },
  'accounts.confirmHosts.detail': {
    en: '"{name}" uses {hosts}, which is not an Alibaba Cloud address. Ferry would send requests signed with your company key there. Continue only if IT told you to use this address.',
    'zh-CN': '“{name}”使用 {hosts}，这不是阿里云的地址。Ferry 会把用公司密钥签名的请求发送到那里。只有在 IT 明确要求使用该地址时才继续。',
  },
  'accounts.confirmRemove.message': {
    en: 'Remove the connection "{name}"?',
    'zh-CN': '要删除连接“{name}”吗？',
  },
  'accounts.confirmRemove.detail': {
    en: 'Its key is deleted from this computer\'s keychain. Files already uploaded stay in storage, and links already sent keep working until they expire. You can add the connection again later.',
    'zh-CN': '它的密钥会从本机钥匙串中删除。已上传的文件仍保留在存储中，已发送的链接在过期前仍然有效。之后您可以重新添加此连接。',
  },
  'accounts.confirmSwitch.message': {
    en: 'Change how "{name}" signs in, and delete its stored key?',
    'zh-CN': '要更改“{name}”的登录方式并删除已保存的密钥吗？',
  },
  'accounts.confirmSwitch.detail': {
    en: 'The new sign-in method does not use the AccessKey stored for "{name}", so Ferry deletes that key from this computer\'s keychain. To use the key again later, IT must give it to you again.',
    'zh-CN': '新的登录方式不使用为“{name}”保存的 AccessKey，因此 Ferry 会从本机钥匙串中删除该密钥。以后如需再次使用，需要 IT 重新提供密钥。',
  },
  'accounts.confirmReach.message': {
    en: 'Change where "{name}" sends your files?',
    'zh-CN': '要更改“{name}”的文件去向吗？',
  },
  'accounts.confirmReach.detail': {
    en: 'The storage address, bucket, folder, role or sign-in method of "{name}" is about to change. Continue only if you made this change yourself or IT told you to.',
    'zh-CN': '“{name}”的存储地址、存储空间、文件夹、角色或登录方式即将更改。只有在您亲自做出此更改或 IT 要求时才继续。',
  },
} satisfies MessageTable;
