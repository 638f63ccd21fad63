import type { Lang } from '../i18n/lang.ts';
import type { TrayMenuItem, TrayPort } from '../ports/uiPorts.ts';
import { buildTrayMenu } from './buildTrayMenu.ts';
import { text } from '../i18n/text.ts';
import {
  emptyTrayState,
  overallPercent,
  trayIconState,
  type TrayActions,
  type TrayProfileInfo,
  type TrayRecentFile,
  type TrayState,
  type TrayUploadsSummary,
} from './trayState.ts';

/** The menu without its click handlers: two menus with the same signature look the same. */
function signature(menu: readonly TrayMenuItem[]): string {
  return JSON.stringify(menu, (key, value: unknown) => (key === 'click' ? undefined : value));
}

/**
 * Tray state behind setters and one render function (Signal's SystemTrayService pattern). Every change
 * re-renders through the TrayPort — menu, icon, tooltip — but only what actually changed is sent, so
 * progress ticks don't rebuild an open menu on Linux unless its text changes.
 */
export class TrayController {
  private state: TrayState = emptyTrayState();
  private lastMenu = '';
  private lastIcon = '';
  private lastToolTip = '';

  constructor(
    private readonly port: TrayPort,
    private readonly actions: TrayActions,
    private lang: Lang,
  ) {
    this.render();
  }

  get current(): Readonly<TrayState> {
    return this.state;
  }

  setUploads(uploads: TrayUploadsSummary): void {
    this.update({ uploads });
  }

  setRecent(recent: readonly TrayRecentFile[]): void {
    this.update({ recent });
  }

  setProfile(profile: TrayProfileInfo | null): void {
    this.update({ profile });
  }

  /** A plain-language problem (error icon and first menu line); null clears it. */
  setProblem(problem: string | null): void {
    this.update({ problem });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.render();
  }

  private update(patch: Partial<TrayState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  /** Renders now; `force` re-sends the menu even if unchanged (e.g. after the tray was recreated). */
  render(force = false): void {
    const menu = buildTrayMenu(this.state, this.actions, this.lang);
    const menuSignature = signature(menu);
    if (force || menuSignature !== this.lastMenu) {
      this.lastMenu = menuSignature;
      this.port.setMenu(menu);
    }
    const icon = trayIconState(this.state);
    if (force || icon !== this.lastIcon) {
      this.lastIcon = icon;
      this.port.setIcon(icon);
    }
    const toolTip = this.toolTip();
    if (force || toolTip !== this.lastToolTip) {
      this.lastToolTip = toolTip;
      this.port.setToolTip(toolTip);
    }
  }

  private toolTip(): string {
    const { problem, uploads } = this.state;
    if (problem) return text(this.lang, 'tray.tooltipError', { problem });
    if (uploads.running > 0) {
      return text(this.lang, 'tray.tooltipUploading', { count: uploads.running, percent: overallPercent(uploads) ?? 0 });
    }
    return text(this.lang, 'tray.tooltipIdle');
  }
}
