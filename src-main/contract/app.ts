import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';

export const LangSchema = z.enum(['en', 'zh-CN']);
export const LanguageSettingSchema = z.enum(['system', 'en', 'zh-CN']);
export const ThemeSettingSchema = z.enum(['system', 'light', 'dark']);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  lang: LangSchema,
});

export const AppSettingsSchema = z.object({
  language: LanguageSettingSchema.default('system'),
  theme: ThemeSettingSchema.default('system'),
  /** What happens when a file of the same name is already there. */
  collisionPolicy: z.enum(['keepBoth', 'replace']).default('keepBoth'),
  fileConcurrency: z.number().int().min(1).max(10).default(3),
  partConcurrency: z.number().int().min(1).max(16).default(4),
  launchAtLogin: z.boolean().default(false),
  /** Global shortcut for "Upload from clipboard". */
  clipboardShortcut: z.boolean().default(false),
  /** The one-time "Ferry keeps running in the tray" notice was shown. */
  closeToTrayNoticeShown: z.boolean().default(false),
});

export const appChannels = {
  'app.info': { request: z.undefined(), reply: AppInfoSchema },
  'app.ping': {
    request: z.object({ text: z.string().max(200) }),
    reply: z.object({ text: z.string(), receivedAt: z.number() }),
  },
  'app.openExternal': { request: z.object({ url: z.string().max(2048) }), reply: z.object({ opened: z.boolean() }) },
  'settings.get': { request: z.undefined(), reply: AppSettingsSchema },
  'settings.update': { request: AppSettingsSchema.partial().strict(), reply: AppSettingsSchema },
} satisfies ChannelTable;

export const appEvents = {
  'settings.changed': AppSettingsSchema,
} satisfies EventTable;
