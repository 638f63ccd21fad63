import path from 'node:path';

/**
 * Which top-level folders of src-main a folder may not import from. Capabilities are plain services: they
 * never reach into the Electron shell, the app's wiring, the CLI or the tray; the sandbox stands in for
 * Alibaba Cloud, so it shares no code with the client it is testing (only the logger).
 */
const SHELL_SIDE = ['shell', 'app', 'cli', 'tray'];
const CLIENT = ['accounts', 'credentials', 'uploads', 'links', 'oss', 'settings', 'names', 'errors', 'os', 'ports', 'policy'];
export const FORBIDDEN = {
  accounts: SHELL_SIDE,
  credentials: SHELL_SIDE,
  uploads: SHELL_SIDE,
  links: SHELL_SIDE,
  bundles: SHELL_SIDE,
  qr: SHELL_SIDE,
  oss: SHELL_SIDE,
  settings: SHELL_SIDE,
  policy: SHELL_SIDE,
  sandbox: [...SHELL_SIDE, ...CLIENT],
};

const SRC_MAIN = 'src-main';

/** "src-main/links/x.ts" → "links"; undefined outside src-main or for files directly in it. */
function topFolder(file) {
  const parts = path.relative(process.cwd(), file).split(path.sep);
  const at = parts.indexOf(SRC_MAIN);
  return at >= 0 && parts.length > at + 2 ? parts[at + 1] : undefined;
}

export const folderBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps capability folders of src-main from importing the shell side, and the sandbox from importing client code.' },
    schema: [],
    messages: { forbidden: '{{from}}/ may not import from {{to}}/ ({{why}}).' },
  },
  create(context) {
    const from = topFolder(context.filename);
    const forbidden = from ? FORBIDDEN[from] : undefined;
    if (!forbidden) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = topFolder(path.resolve(path.dirname(context.filename), spec));
      if (to && to !== from && forbidden.includes(to)) {
        const why = from === 'sandbox' ? 'the sandbox shares no code with the client it stands in for' : 'services never import the shell side; pass a port instead';
        context.report({ node: node.source, messageId: 'forbidden', data: { from, to, why } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
