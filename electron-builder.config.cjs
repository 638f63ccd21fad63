// electron-builder configuration for `npm run dist` (installers; needs internet for Electron and the
// packagers). Validated against electron-builder's own JSON schema in test/unit/packaging.
// Icons are generated from assets/icon.svg by build/icons/generate.mjs before packaging.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.ferry.desktop',
  productName: 'Ferry',
  copyright: 'Copyright © Ferry contributors',
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist', buildResources: 'build' },

  // Only the built app: electron-vite's out/, package.json, and production node_modules (added by
  // electron-builder from "dependencies", minus their tests and typings). No sources, maps or dev tooling.
  files: ['out/**/*', 'package.json', '!**/*.map'],
  asar: true,
  // The keychain's native module must load from disk, not from inside the archive.
  asarUnpack: ['**/node_modules/@github/keytar/**', '**/*.node'],
  // Tray images are read at run time from process.resourcesPath/tray (see shell/electronTray.ts).
  extraResources: [
    { from: 'assets/tray', to: 'tray', filter: ['*.png'] },
    { from: 'build/icons/icon-512.png', to: 'icon.png' },
  ],

  // ferry://connect?… links from IT open Ferry's import flow. macOS: Info.plist; Linux: the .desktop
  // MimeType x-scheme-handler/ferry; Windows: the installer (build/installer.nsh), with "--" before the link.
  protocols: [{ name: 'Ferry connection link', schemes: ['ferry'], role: 'Viewer' }],

  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
    // Flipping fuses breaks the ad-hoc signature of unsigned arm64 builds; re-sign so they start.
    resetAdHocDarwinSignature: true,
  },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'build/icons/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // "Open with → Ferry" for any file (macOS sends open-file).
    extendInfo: {
      CFBundleDocumentTypes: [
        { CFBundleTypeName: 'Any file', CFBundleTypeRole: 'Viewer', LSHandlerRank: 'Alternate', LSItemContentTypes: ['public.item'] },
      ],
    },
  },
  dmg: { title: 'Ferry ${version}' },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.ico',
  },
  nsis: {
    oneClick: true,
    perMachine: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Ferry',
    // Adds "Send to → Ferry" and the ferry:// handler for the current user.
    include: 'build/installer.nsh',
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons/png',
    category: 'Network',
    synopsis: 'Share files from your company storage with expiring links',
    description: 'Drop files, they upload to your company’s Alibaba Cloud OSS bucket, and one click copies an expiring share link.',
    maintainer: 'Ferry contributors <ferry@users.noreply.invalid>',
    // "Open with → Ferry" for any file; %U hands over files and ferry:// links.
    mimeTypes: ['application/octet-stream'],
    desktop: { entry: { StartupWMClass: 'Ferry', Keywords: 'share;upload;link;OSS;' } },
  },
  deb: {
    // libsecret for the keychain (@github/keytar); the rest is Electron's usual set.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },
};
