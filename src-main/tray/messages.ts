import type { MessageTable } from '../errors/messageTable.ts';

export const trayMessages = {} satisfies MessageTable;
