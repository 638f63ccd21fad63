import type { Command } from '../command.ts';
import { sandboxCommand } from './sandbox.ts';
import { profileCommand } from './profile.ts';
import { linkCommand } from './link.ts';
import { linksCommand } from './links.ts';
import { revokeCommand } from './revoke.ts';
import { statusCommand } from './status.ts';
import { uploadCommand } from './upload.ts';
import { adminCommand } from './admin.ts';

/** Every `ferry <command>`. Capabilities add theirs here. */
export const commands: Command[] = [sandboxCommand, profileCommand, linkCommand, linksCommand, revokeCommand, uploadCommand, statusCommand, adminCommand];
