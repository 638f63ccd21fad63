import type { MessageTable } from '../errors/messageTable.ts';

export const sandboxMessages = {} satisfies MessageTable;
