import type { Lang } from '../i18n/lang.ts';
import type { TrayMenuItem } from '../ports/uiPorts.ts';
import { overallPercent, TRAY_EXPIRIES, type TrayActions, type TrayExpiry, type TrayRecentFile, type TrayState } from './trayState.ts';
import { text, type TextKey } from '../i18n/text.ts';
import type { TemplateParams } from '../i18n/fillTemplate.ts';
import { formatClockTime } from '../links/formatTime.ts';

export const MAX_RECENT_FILES = 10;
const MAX_LABEL = 48;

const separator = (): TrayMenuItem => ({ type: 'separator' });
const note = (id: string, label: string): TrayMenuItem => ({ id, label, enabled: false });

/** Long names keep their start and their extension: "Quarterly report … final.pdf". */
export function shortenLabel(text: string, max = MAX_LABEL): string {
  const chars = [...text.replace(/[\r\n\t]+/g, ' ')];
  if (chars.length <= max) return chars.join('');
  const tail = Math.min(16, Math.floor(max / 3));
  return `${chars.slice(0, max - tail - 1).join('')}…${chars.slice(-tail).join('')}`;
}

/**
 * The whole tray menu as a pure function of state: no Electron, so every variant is unit-tested.
 * Item ids are stable (`recent.3.copyLink.1d`) for tests and the e2e suite.
 */
export function buildTrayMenu(state: TrayState, actions: TrayActions, lang: Lang): TrayMenuItem[] {
  const t: T = (key, params) => text(lang, key, params);
  const menu: TrayMenuItem[] = [];

  if (state.problem) {
    menu.push(note('problem', shortenLabel(state.problem, 80)));
    menu.push({ id: 'problem.open', label: t('tray.openToFix'), click: () => actions.openToFix() });
    menu.push(separator());
  }

  menu.push(...uploadsSection(state, actions, t));
  menu.push(separator());
  menu.push(recentSection(state, actions, t, lang));
  menu.push(separator());
  menu.push({ id: 'upload.files', label: t('tray.uploadFiles'), click: () => void actions.uploadFiles() });
  menu.push({ id: 'upload.clipboard', label: t('tray.uploadFromClipboard'), click: () => void actions.uploadFromClipboard() });
  menu.push(separator());
  menu.push({ id: 'open', label: t('tray.openFerry'), click: () => actions.openWindow() });
  menu.push({ id: 'settings', label: t('tray.settings'), click: () => actions.openSettings() });
  menu.push({ id: 'quit', label: t('tray.quit'), click: () => actions.quit() });
  return menu;
}

type T = (key: TextKey, params?: TemplateParams) => string;

function uploadsSection(state: TrayState, actions: TrayActions, t: T): TrayMenuItem[] {
  const { running, paused } = state.uploads;
  const percent = overallPercent(state.uploads);
  const items: TrayMenuItem[] = [];
  if (running > 0) {
    items.push(note('uploads.summary', percent === null ? t('tray.uploadingNoPercent', { count: running }) : t('tray.uploading', { count: running, percent })));
  } else if (paused > 0) {
    items.push(note('uploads.summary', t('tray.pausedSummary', { count: paused })));
  } else {
    items.push(note('uploads.summary', t('tray.idle')));
  }
  if (running > 0) items.push({ id: 'uploads.pauseAll', label: t('tray.pauseAll'), click: () => void actions.pauseAll() });
  if (paused > 0) items.push({ id: 'uploads.resumeAll', label: t('tray.resumeAll'), click: () => void actions.resumeAll() });
  return items;
}

function recentSection(state: TrayState, actions: TrayActions, t: T, lang: Lang): TrayMenuItem {
  const files = [...state.recent].sort((a, b) => b.finishedAt - a.finishedAt).slice(0, MAX_RECENT_FILES);
  const submenu: TrayMenuItem[] = [];
  if (!state.profile) submenu.push(note('recent.noProfile', t('tray.noProfile')));
  const uploadOnly = state.profile?.uploadOnly === true;
  if (uploadOnly) submenu.push(note('recent.uploadOnly', t('tray.uploadOnlyNote')), separator());
  if (files.length === 0) submenu.push(note('recent.empty', t('tray.noRecentFiles')));
  files.forEach((file, index) => {
    const id = `recent.${index}`;
    const name = shortenLabel(file.name);
    const label = file.linkEndsAt === undefined ? name : t('tray.linkEndsSoon', { name, time: formatClockTime(file.linkEndsAt, lang) });
    // Upload-only: the list still says what went up, but nothing in it makes a link.
    submenu.push(uploadOnly ? note(id, label) : { id, label, type: 'submenu', submenu: fileItems(id, file, actions, t, state.profile?.expiries ?? TRAY_EXPIRIES) });
  });
  return { id: 'recent', label: t('tray.recentFiles'), type: 'submenu', submenu };
}

function fileItems(id: string, file: TrayRecentFile, actions: TrayActions, t: T, expiries: readonly TrayExpiry[]): TrayMenuItem[] {
  const forExpiry = (expiry: TrayExpiry): TrayMenuItem => ({
    id: `${id}.copyLink.${expiry}`,
    label: t(`links.expiry.${expiry}`),
    click: () => void actions.copyLink(file, expiry),
  });
  return [
    { id: `${id}.copyLink`, label: t('tray.copyLink'), click: () => void actions.copyLink(file) },
    {
      id: `${id}.copyLinkFor`,
      label: t('tray.copyLinkFor'),
      type: 'submenu',
      submenu: expiries.map(forExpiry),
    },
    { id: `${id}.copyMessage`, label: t('tray.copyShareMessage'), click: () => void actions.copyShareMessage(file) },
    { id: `${id}.showInLinks`, label: t('tray.showInLinks'), click: () => void actions.showInLinks(file) },
    separator(),
    { id: `${id}.stopSharing`, label: t('tray.stopSharing'), click: () => void actions.stopSharing(file) },
  ];
}

/** Finds an item by id anywhere in a menu (tests, the e2e suite, and the controller's diffing). */
export function findTrayItem(menu: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of menu) {
    if (item.id === id) return item;
    const inner = item.submenu ? findTrayItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
