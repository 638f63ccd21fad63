import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { patchSchemaOf } from './patch.ts';
import { ObjectKeySchema } from './links.ts';
import { ProfileInputSchema } from './profiles.ts';
import { NetworkSettingSchema } from './network.ts';

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
  /** A notification the day before a link stops working, with Renew (links/reminders/). */
  linkReminders: z.boolean().default(true),
  /** Which proxy requests to OSS, STS and token services go through. */
  network: NetworkSettingSchema.default({ mode: 'system' }),
});

/** IT's managed settings as the window shows them (main enforces them; the window only greys out and explains). */
export const ManagedSettingsSchema = z.object({
  /** Connections IT set up and locked: no editing, no removing. */
  lockedProfileIds: z.array(z.string()),
  maxLinkExpiry: z.string().optional(),
  defaultLinkExpiry: z.string().optional(),
  forceV4Signatures: z.boolean(),
  requireIpRestrictedLinks: z.boolean(),
  disableTrial: z.boolean(),
  /** A malformed policy, ignored: the plain message to show (what to tell IT). */
  problem: z.string().optional(),
});

/** Screens main may ask the window to show (the tray, notifications, links from the OS). */
export const WindowScreenSchema = z.enum(['main', 'links', 'settings', 'connect']);

/** A file whose newest share link the Links screen selects: scrolled into view, highlighted, focused. */
export const LinkFocusSchema = z.object({
  profileId: z.string().min(1).max(64),
  objectKey: ObjectKeySchema,
});

export const NavigationSchema = z.object({
  screen: WindowScreenSchema,
  focus: LinkFocusSchema.optional(),
  /**
   * With the connect screen: the checked fields of IT's ferry://connect link to fill the form with.
   * Non-secret by construction (the user types the key); the allow-list drops anything else.
   */
  connection: ProfileInputSchema.optional(),
});

export const appChannels = {
  'app.info': { request: z.undefined(), reply: AppInfoSchema },
  'app.ping': {
    request: z.object({ text: z.string().max(200) }),
    reply: z.object({ text: z.string(), receivedAt: z.number() }),
  },
  'settings.get': { request: z.undefined(), reply: AppSettingsSchema },
  /** Only the settings named change; the others keep their values. */
  'settings.update': { request: patchSchemaOf(AppSettingsSchema), reply: AppSettingsSchema },
  /**
   * The screen main last asked for and the page has not taken yet (null when none): a request made
   * before the page loaded is not lost. Taking it clears it.
   */
  'app.takeNavigation': { request: z.undefined(), reply: NavigationSchema.nullable() },
  /** IT's managed settings (read once at start). */
  'app.managedSettings': { request: z.undefined(), reply: ManagedSettingsSchema },
} satisfies ChannelTable;

export const appEvents = {
  'settings.changed': AppSettingsSchema,
  /**
   * Main asks the window to show a screen (on Links, one file's link; on Connect, a ferry://connect
   * link's fields); also kept for app.takeNavigation.
   */
  'app.navigate': NavigationSchema,
} satisfies EventTable;
