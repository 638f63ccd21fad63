import type { MessageTable } from '../errors/messageTable.ts';

export const uploadsMessages = {} satisfies MessageTable;
