import type { MessageTable } from '../errors/messageTable.ts';

export const linksMessages = {} satisfies MessageTable;
