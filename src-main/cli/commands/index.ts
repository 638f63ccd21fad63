import type { Command } from '../command.ts';

/** Every `ferry <command>`. Capabilities add theirs here. */
export const commands: Command[] = [];
