import type { Command } from '../command.ts';
import { sandboxCommand } from './sandbox.ts';
import { profileCommand } from './profile.ts';

/** Every `ferry <command>`. Capabilities add theirs here. */
export const commands: Command[] = [sandboxCommand, profileCommand];
