/**
 * Builds Ferry's services once, for the Electron app, the CLI, the e2e harness and the preview alike.
 * Every capability plugs in here; nothing in this file imports electron.
 */
import type { Ports } from '../shell/ports.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { langFromLocale, type Lang } from '../i18n/lang.ts';
import { SettingsStore } from '../settings/settingsStore.ts';

export interface ServiceOptions {
  /** The data folder (dataHome() in the app and CLI, a temp dir in tests). */
  home: string;
  ports: Ports;
  appVersion: string;
  /** The OS locale, consulted when the language setting is "system". */
  systemLocale: () => string;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
}

export interface Services {
  readonly home: string;
  readonly ports: Ports;
  readonly clock: Clock;
  readonly appVersion: string;
  readonly env: NodeJS.ProcessEnv;
  readonly settings: SettingsStore;
  /** The language the user sees right now (setting, or the OS locale). */
  lang(): Promise<Lang>;
  close(): Promise<void>;
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const settings = new SettingsStore(options.home);
  const closers: (() => Promise<void>)[] = [];
  const services: Services = {
    home: options.home,
    ports: options.ports,
    clock: options.clock ?? systemClock,
    appVersion: options.appVersion,
    env: options.env ?? process.env,
    settings,
    async lang() {
      const { language } = await settings.get();
      return language === 'system' ? langFromLocale(options.systemLocale()) : language;
    },
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
  return services;
}
