import type { MessageTable } from '../errors/messageTable.ts';

export const osMessages = {} satisfies MessageTable;
