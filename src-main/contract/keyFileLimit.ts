// Imported by the renderer too (see eslint.config): keep this file free of imports and Node APIs.
/** The largest AccessKey file the window sends to main (the console's is under 300 bytes). No imports: the renderer uses it too. */
export const KEY_FILE_LIMIT = 16 * 1024;
