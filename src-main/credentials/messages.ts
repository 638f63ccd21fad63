import type { MessageTable } from '../errors/messageTable.ts';

export const credentialsMessages = {
  'credentials.keychainUnavailable': {
    en: 'Ferry cannot reach this computer\'s keychain (password store), so it did not save your key — nothing was written. On Linux, make sure a keyring such as GNOME Keyring or KWallet is installed and running, then try again.',
    'zh-CN': 'Ferry 无法访问本机的钥匙串（密码存储），因此没有保存您的密钥，也没有写入任何内容。在 Linux 上，请确认已安装并运行 GNOME 密钥环或 KWallet 等密钥环，然后重试。',
  },
  'credentials.keychainLocked': {
    en: 'This computer\'s keychain is locked or refused access, so Ferry did not save or read your key — nothing was written. Unlock your keychain (or allow Ferry when asked) and try again.',
    'zh-CN': '本机钥匙串已锁定或拒绝访问，因此 Ferry 没有保存或读取您的密钥，也没有写入任何内容。请解锁钥匙串（或在提示时允许 Ferry 访问）后重试。',
  },
  'credentials.keychainEntryDamaged': {
    en: 'The key Ferry stored in your keychain for this connection is damaged. Remove the connection and add it again with your AccessKey.',
    'zh-CN': 'Ferry 保存在钥匙串中的此连接密钥已损坏。请删除此连接，然后使用您的 AccessKey 重新添加。',
  },
  'credentials.keyIdShape': {
    en: 'That does not look like an AccessKey ID (16 or more letters and digits, usually starting with LTAI). Copy it again from the message IT sent you.',
    'zh-CN': '这看起来不像 AccessKey ID（16 位以上字母和数字，通常以 LTAI 开头）。请从 IT 发给您的消息中重新复制。',
  },
  'credentials.keySecretShape': {
    en: 'That does not look like an AccessKey secret (usually 30 letters and digits). Copy it again from the message IT sent you, without extra characters.',
    'zh-CN': '这看起来不像 AccessKey Secret（通常为 30 位字母和数字）。请从 IT 发给您的消息中重新复制，不要带多余字符。',
  },
  'credentials.keyIsTemporary': {
    en: 'This is a temporary key (it starts with "STS."). Choose "Temporary credentials" and paste the security token and expiry time too, or ask IT for a RAM user key.',
    'zh-CN': '这是临时密钥（以 "STS." 开头）。请选择“临时凭证”并同时粘贴安全令牌和过期时间，或向 IT 索取 RAM 用户密钥。',
  },
  'credentials.temporaryIdShape': {
    en: 'Temporary credentials have an AccessKey ID that starts with "STS.". Copy all four values again from the message you received.',
    'zh-CN': '临时凭证的 AccessKey ID 以 "STS." 开头。请从您收到的消息中重新复制全部四个值。',
  },
  'credentials.tokenShape': {
    en: 'That does not look like a security token. Copy the whole SecurityToken value again; it is long and must not be cut off.',
    'zh-CN': '这看起来不像安全令牌。请重新复制完整的 SecurityToken 值；它很长，不能被截断。',
  },
  'credentials.expirationShape': {
    en: 'Ferry could not read the expiry time. Paste it exactly as received, for example 2026-05-26T12:00:00Z, with no spaces inside.',
    'zh-CN': 'Ferry 无法读取过期时间。请按收到的原样粘贴，例如 2026-05-26T12:00:00Z，中间不要有空格。',
  },
  'credentials.noKeyStored': {
    en: 'No key is saved for the connection "{profile}". Open the connection settings and enter the AccessKey IT gave you.',
    'zh-CN': '连接“{profile}”没有保存密钥。请打开连接设置，输入 IT 给您的 AccessKey。',
  },
  'credentials.noRoleArn': {
    en: 'This connection has no role (Role ARN) to assume. Ask IT for the Role ARN, or import the connection file they provide.',
    'zh-CN': '此连接没有要扮演的角色（Role ARN）。请向 IT 索取 Role ARN，或导入他们提供的连接文件。',
  },
  'credentials.envMissing': {
    en: 'This connection reads its key from the environment, but OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET are not set. Set them before starting Ferry, or switch the connection to the keychain.',
    'zh-CN': '此连接从环境变量读取密钥，但未设置 OSS_ACCESS_KEY_ID 和 OSS_ACCESS_KEY_SECRET。请在启动 Ferry 前设置它们，或将连接改为使用钥匙串。',
  },
  'credentials.temporaryExpired': {
    en: 'The temporary credentials for this connection have expired. Ask whoever gave them to you for new ones and paste them in.',
    'zh-CN': '此连接的临时凭证已过期。请向提供凭证的人索取新的凭证并粘贴进来。',
  },
  'credentials.tokenServiceUrl': {
    en: 'The token service address must start with https:// (http:// is allowed only for this computer). Check the address with IT.',
    'zh-CN': '令牌服务地址必须以 https:// 开头（仅本机地址可用 http://）。请与 IT 核对地址。',
  },
  'credentials.tokenServiceFailed': {
    en: 'Your company\'s token service refused to hand out credentials (HTTP {status}). Try again later; if it keeps happening, tell IT.',
    'zh-CN': '公司的令牌服务拒绝发放凭证（HTTP {status}）。请稍后重试；如果反复出现，请告诉 IT。',
  },
  'credentials.notAuthorizedToAssume': {
    en: 'This key is not allowed to request temporary access. If it is the main (root) account\'s key, ask IT for a RAM user key instead; if it is a RAM user key, ask IT to grant it the AliyunSTSAssumeRoleAccess permission.',
    'zh-CN': '此密钥无权申请临时访问凭证。如果它是主账号的密钥，请向 IT 索取 RAM 用户密钥；如果是 RAM 用户密钥，请让 IT 为其授予 AliyunSTSAssumeRoleAccess 权限。',
  },
  'credentials.rootAccountKey': {
    en: 'This key belongs to the main (root) account, which Ferry must not use. Ask IT for a RAM user key.',
    'zh-CN': '此密钥属于主账号，Ferry 不能使用。请向 IT 索取 RAM 用户密钥。',
  },
  'credentials.roleNotTrusted': {
    en: 'The role in this connection does not trust your key (or your key may not assume it). Ask IT to add your RAM user to the role\'s trust policy.',
    'zh-CN': '此连接中的角色不信任您的密钥（或您的密钥无权扮演该角色）。请让 IT 将您的 RAM 用户加入该角色的信任策略。',
  },
  'credentials.roleNotFound': {
    en: 'The role in this connection does not exist. Ask IT for the correct Role ARN.',
    'zh-CN': '此连接中的角色不存在。请向 IT 索取正确的 Role ARN。',
  },
  'credentials.roleArnInvalid': {
    en: 'The Role ARN in this connection is not written correctly; it should look like acs:ram::1234567890123456:role/ferry. Ask IT for the correct value.',
    'zh-CN': '此连接中的 Role ARN 格式不正确，应类似 acs:ram::1234567890123456:role/ferry。请向 IT 索取正确的值。',
  },
  'credentials.durationTooLong': {
    en: 'The session length in this connection is longer than the role allows (the minimum is 15 minutes; the default maximum is 1 hour). Shorten it in the connection settings, or ask IT to raise the role\'s maximum session duration.',
    'zh-CN': '此连接的会话时长超出了角色允许的范围（最短 15 分钟，默认最长 1 小时）。请在连接设置中缩短时长，或让 IT 提高该角色的最大会话时长。',
  },
  'credentials.keyNotFound': {
    en: 'Alibaba Cloud does not know this AccessKey ID. It may have been deleted or mistyped; ask IT for a current RAM user key.',
    'zh-CN': '阿里云不认识此 AccessKey ID，它可能已被删除或输入有误。请向 IT 索取当前有效的 RAM 用户密钥。',
  },
  'credentials.keyDisabled': {
    en: 'This AccessKey has been disabled. Ask IT to enable it or to give you a new one.',
    'zh-CN': '此 AccessKey 已被禁用。请让 IT 启用它或为您提供新的密钥。',
  },
  'credentials.wrongSecret': {
    en: 'The AccessKey secret does not match the AccessKey ID. Enter the secret again, exactly as IT gave it to you.',
    'zh-CN': 'AccessKey Secret 与 AccessKey ID 不匹配。请按 IT 提供的原样重新输入 Secret。',
  },
  'credentials.clockSkew': {
    en: 'This computer\'s clock is too far off for Alibaba Cloud to accept the request. Set the date, time and time zone correctly (turn on automatic time), then try again.',
    'zh-CN': '本机时钟偏差过大，阿里云无法接受请求。请正确设置日期、时间和时区（开启自动校时）后重试。',
  },
  'credentials.sessionTokenInvalid': {
    en: 'The security token that came with your key is invalid or has expired. Get new credentials (or unset OSS_SESSION_TOKEN) and try again.',
    'zh-CN': '与密钥一同提供的安全令牌无效或已过期。请获取新的凭证（或取消设置 OSS_SESSION_TOKEN）后重试。',
  },
  'credentials.policyRejected': {
    en: 'Alibaba Cloud refused the access rules Ferry asked for, usually because the upload folder name is too long or unusual. Shorten the upload folder in the connection settings.',
    'zh-CN': '阿里云拒绝了 Ferry 申请的访问规则，通常是因为上传文件夹名称过长或不寻常。请在连接设置中缩短上传文件夹。',
  },
  'credentials.stsUnavailable': {
    en: 'Alibaba Cloud\'s token service (STS) is having trouble right now. Ferry tried several times; wait a few minutes and try again.',
    'zh-CN': '阿里云令牌服务（STS）暂时出现问题。Ferry 已多次重试；请等几分钟后再试。',
  },
  'credentials.stsBadReply': {
    en: 'The token service address answered with something that is not Alibaba Cloud STS — often a proxy or login page on the network. Check the network (or proxy settings) and the STS address, then try again.',
    'zh-CN': '令牌服务地址返回的内容不是阿里云 STS 的应答，通常是网络中的代理或登录页面。请检查网络（或代理设置）和 STS 地址后重试。',
  },
  'credentials.stsRejected': {
    en: 'Alibaba Cloud\'s token service refused the request ({code}). Run "Test connection" and show the result to IT.',
    'zh-CN': '阿里云令牌服务拒绝了请求（{code}）。请运行“测试连接”，并把结果告诉 IT。',
  },
} satisfies MessageTable;
