import type { MessageTable } from '../errors/messageTable.ts';

export const credentialsMessages = {} satisfies MessageTable;
