import type { MessageTable } from '../errors/messageTable.ts';

export const ossMessages = {
  'oss.accessDenied': {
    en: 'Your access does not allow this here. Ferry only writes inside your upload folder; if you need access to this place, ask IT to extend the role\'s permissions.',
    'zh-CN': '您的权限不允许在此处执行此操作。Ferry 只在您的上传文件夹内写入；如需访问此位置，请让 IT 扩展该角色的权限。',
  },
  'oss.bucketAcl': {
    en: 'The bucket\'s access settings (ACL) do not let these credentials do this. Ask IT to check the role\'s OSS permissions.',
    'zh-CN': '存储空间的访问设置（ACL）不允许这些凭证执行此操作。请让 IT 检查该角色的 OSS 权限。',
  },
  'oss.anonymous': {
    en: 'The request reached OSS without valid credentials. This usually means the key belongs to the main account; ask IT for a RAM user key and enter it again.',
    'zh-CN': '请求在没有有效凭证的情况下到达了 OSS。这通常表示密钥属于主账号；请向 IT 索取 RAM 用户密钥并重新输入。',
  },
  'oss.noSuchBucket': {
    en: 'The bucket "{bucket}" does not exist at this address. Check the bucket name with IT.',
    'zh-CN': '该地址下不存在存储空间“{bucket}”。请与 IT 核对存储空间名称。',
  },
  'oss.wrongEndpoint': {
    en: 'The bucket is in a different region than this connection\'s address. Ask IT for the bucket\'s correct endpoint (for example oss-cn-shanghai.aliyuncs.com) and update the connection.',
    'zh-CN': '存储空间所在地域与此连接的地址不一致。请向 IT 索取该存储空间的正确 Endpoint（例如 oss-cn-shanghai.aliyuncs.com）并更新连接。',
  },
  'oss.wrongRegion': {
    en: 'The region in this connection does not match the bucket\'s region. Ask IT for the correct region (for example cn-hangzhou) and update the connection.',
    'zh-CN': '此连接中的地域与存储空间所在地域不一致。请向 IT 索取正确的地域（例如 cn-hangzhou）并更新连接。',
  },
  'oss.wrongSecret': {
    en: 'OSS did not accept the signature: the secret does not match the key. Enter the AccessKey secret again, exactly as IT gave it to you.',
    'zh-CN': 'OSS 不接受请求签名：Secret 与密钥不匹配。请按 IT 提供的原样重新输入 AccessKey Secret。',
  },
  'oss.clockSkew': {
    en: 'This computer\'s clock is too far off for OSS to accept the request. Turn on automatic date and time, then try again.',
    'zh-CN': '本机时钟偏差过大，OSS 无法接受请求。请开启自动设置日期和时间后重试。',
  },
  'oss.tokenExpired': {
    en: 'The temporary access expired. Ferry will get new access automatically — try again. If you pasted temporary credentials, ask for new ones.',
    'zh-CN': '临时访问凭证已过期。Ferry 会自动获取新的凭证，请重试。如果您粘贴的是临时凭证，请索取新的凭证。',
  },
  'oss.invalidToken': {
    en: 'OSS did not accept the security token. If you pasted temporary credentials, copy all four values again; otherwise try again.',
    'zh-CN': 'OSS 不接受该安全令牌。如果您粘贴的是临时凭证，请重新复制全部四个值；否则请重试。',
  },
  'oss.keyNotFound': {
    en: 'OSS does not know this access key. Temporary credentials may have expired — get new ones; a long-term key may have been deleted — ask IT.',
    'zh-CN': 'OSS 不认识此访问密钥。临时凭证可能已过期，请获取新的凭证；长期密钥可能已被删除，请询问 IT。',
  },
  'oss.linkExpired': {
    en: 'This link has expired. Create a new share link.',
    'zh-CN': '此链接已过期。请创建新的分享链接。',
  },
  'oss.noSuchKey': {
    en: 'The file is no longer in the bucket. It may have been deleted; upload it again.',
    'zh-CN': '存储空间中已没有此文件，可能已被删除；请重新上传。',
  },
  'oss.serverError': {
    en: 'OSS is having trouble right now (HTTP {status}). Wait a moment and try again.',
    'zh-CN': 'OSS 暂时出现问题（HTTP {status}）。请稍等片刻后重试。',
  },
  'oss.rejected': {
    en: 'OSS refused the request ({code}). Run "Test connection" and show the result to IT.',
    'zh-CN': 'OSS 拒绝了请求（{code}）。请运行“测试连接”，并把结果告诉 IT。',
  },
  'oss.dnsFailed': {
    en: 'Ferry could not find the server {host}. Check the address in the connection, and that this computer is online.',
    'zh-CN': 'Ferry 找不到服务器 {host}。请检查连接中的地址，并确认本机已联网。',
  },
  'oss.unreachable': {
    en: 'Ferry could not connect to {host}. Check that this computer is online and that no firewall blocks it, then try again.',
    'zh-CN': 'Ferry 无法连接到 {host}。请确认本机已联网且没有防火墙阻止连接，然后重试。',
  },
  'oss.timeout': {
    en: '{host} did not answer in time. The network may be slow or blocked; try again in a moment.',
    'zh-CN': '{host} 未及时响应。网络可能较慢或被阻断；请稍后重试。',
  },
  'oss.connectionReset': {
    en: 'The connection to {host} was cut off. Try again; if it keeps happening, check the network or proxy.',
    'zh-CN': '与 {host} 的连接被中断。请重试；如果反复出现，请检查网络或代理。',
  },
  'oss.tlsFailed': {
    en: 'Ferry could not set up a secure connection to {host}: its certificate was not trusted. A company proxy may be intercepting traffic; ask IT to check the proxy or certificate.',
    'zh-CN': 'Ferry 无法与 {host} 建立安全连接：其证书不受信任。可能是公司代理拦截了流量；请让 IT 检查代理或证书。',
  },
  'oss.proxyFailed': {
    en: 'The network proxy refused or failed the connection to {host}. Check the proxy settings with IT.',
    'zh-CN': '网络代理拒绝或未能建立到 {host} 的连接。请与 IT 核对代理设置。',
  },
} satisfies MessageTable;
