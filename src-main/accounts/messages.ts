import type { MessageTable } from '../errors/messageTable.ts';

export const accountsMessages = {} satisfies MessageTable;
