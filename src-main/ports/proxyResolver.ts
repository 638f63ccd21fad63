/**
 * The operating system's proxy choice for one request URL, in PAC-result syntax: "DIRECT",
 * "PROXY proxy.corp:8080; DIRECT". The app answers with Electron's session.resolveProxy (system
 * settings and PAC files, shell/electronProxyResolver.ts); plain Node with a PAC file
 * (network/pacFileResolver.ts).
 */
export interface ProxyResolver {
  resolveProxy(url: string): Promise<string>;
}
