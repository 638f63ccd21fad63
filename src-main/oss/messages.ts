import type { MessageTable } from '../errors/messageTable.ts';

export const ossMessages = {} satisfies MessageTable;
