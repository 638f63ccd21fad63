/**
 * Puts the tray together over Ferry's real services: state from the upload queue, the upload history,
 * the active profile and the session; actions through the handler table; links copied when uploads the
 * tray (or a second launch) started finish. main.ts only creates the Electron tray and calls wireTray().
 */
import type { EventChannel, EventPayloadOf } from '../contract.ts';
import type { Services } from '../app/services.ts';
import type { HandlerTable } from '../app/dispatch.ts';
import type { Lang } from '../i18n/lang.ts';
import type { TrayPort } from '../ports/uiPorts.ts';
import type { UploadItem } from '../uploads/queueEntry.ts';
import type { HistoryEntry } from '../uploads/history.ts';
import { TrayController } from './trayController.ts';
import { createTrayActions, type TrayActionsHandle } from './trayActions.ts';
import { invokeThroughHandlers, type TrayServices } from './trayServices.ts';
import { UploadNotifier, type FinishedUpload } from './uploadNotifier.ts';
import { MAX_RECENT_FILES } from './buildTrayMenu.ts';
import { text } from '../i18n/text.ts';
import type { TrayUploadsSummary } from './trayState.ts';

const FINAL = new Set(['done', 'failed', 'cancelled']);

export interface TrayWiring {
  controller: TrayController;
  actions: TrayActionsHandle;
  /** Files from macOS drop-files on the icon. */
  dropFiles(paths: string[]): Promise<void>;
  /** Files from a second launch / open-file: uploaded in the background, links copied on finish. */
  uploadFromOs(paths: string[]): Promise<void>;
  /** Running uploads (for the quit question). */
  activeUploads(): number;
  /** The user has seen the window: the "n uploads failed" line goes away. */
  clearUploadProblem(): void;
  dispose(): void;
}

export async function wireTray(
  services: Services,
  port: TrayPort,
  options: {
    table: HandlerTable;
    /** Main → renderer events to listen in on (TeeEvents in the app): profile and session changes. */
    events?: { listen(listener: (event: EventChannel, payload: unknown) => void): () => void };
    quit: () => void;
  },
): Promise<TrayWiring> {
  let lang: Lang = await services.lang();
  const items = new Map<string, UploadItem>();
  /** Item ids the tray or the OS started; their finish copies a link. */
  const started = new Set<string>();
  /** Recently finished items, in case a finish is published before add() has returned its ids. */
  const finishedEarly = new Map<string, UploadItem>();
  let sessionProblem: string | null = null;
  let uploadProblem: string | null = null;
  const disposers: (() => void)[] = [];

  const invoke = invokeThroughHandlers(options.table, () => lang);
  const track = (ids: readonly string[]) => {
    for (const id of ids) {
      const early = finishedEarly.get(id);
      if (early) void notifier.finished(finishedOf(early));
      else started.add(id);
    }
  };
  const traySources: TrayServices = {
    copyLink: ({ objectKey, profileId, expiry }) => invoke('links.copy', { objectKey, profileId, ...(expiry ? { expiry } : {}) }),
    copyShareMessage: ({ objectKey, profileId }) => invoke('links.copyMessage', { objectKey, profileId }),
    async stopSharing({ objectKey, profileId }) {
      const reply = await invoke('links.stopSharing', { objectKey, profileId, mode: 'delete' });
      return { cancelled: reply.cancelled === true };
    },
    pauseAll: async () => void (await invoke('uploads.pauseAll', undefined)),
    resumeAll: async () => void (await invoke('uploads.resumeAll', undefined)),
    async addUploads(paths, source) {
      const reply = await services.uploads.add(paths, { source });
      track(reply.ids);
      return reply;
    },
    async uploadFromClipboard() {
      const reply = await services.uploads.fromClipboard();
      track(reply.ids);
      return reply;
    },
  };

  const actions = createTrayActions({ services: traySources, ports: services.ports, lang: () => lang, quit: options.quit });
  const controller = new TrayController(port, actions, lang);
  let uploadOnly = new Map<string, boolean>();
  const notifier = new UploadNotifier({
    services: traySources,
    ports: services.ports,
    lang: () => lang,
    clock: services.clock,
    isUploadOnly: (profileId) => uploadOnly.get(profileId) === true,
    onFailure: (problem) => {
      uploadProblem = problem;
      showProblem();
    },
  });

  function showProblem(): void {
    controller.setProblem(sessionProblem ?? uploadProblem);
  }

  function finishedOf(item: UploadItem): FinishedUpload {
    return {
      id: item.id,
      name: item.name,
      profileId: item.profileId,
      ...(item.objectKey ? { objectKey: item.objectKey } : {}),
      source: 'tray',
      outcome: item.state as FinishedUpload['outcome'],
      ...(item.error ? { error: item.error } : {}),
    };
  }

  function summary(): TrayUploadsSummary {
    const s: TrayUploadsSummary = { running: 0, paused: 0, bytesDone: 0, bytesTotal: 0 };
    for (const item of items.values()) {
      if (item.state === 'paused') s.paused += 1;
      else if (item.state === 'queued' || item.state === 'uploading' || item.state === 'verifying') s.running += 1;
      else continue;
      s.bytesDone += item.bytesDone;
      s.bytesTotal += item.size;
    }
    return s;
  }

  function onItems(changed: readonly UploadItem[], removed: readonly string[]): void {
    for (const id of removed) items.delete(id);
    for (const item of changed) {
      items.set(item.id, item);
      if (!FINAL.has(item.state)) continue;
      if (started.delete(item.id)) void notifier.finished(finishedOf(item));
      else {
        finishedEarly.set(item.id, item);
        if (finishedEarly.size > 500) finishedEarly.delete(finishedEarly.keys().next().value as string);
      }
    }
    controller.setUploads(summary());
  }

  const recentOf = (entries: readonly HistoryEntry[]) =>
    entries.slice(0, MAX_RECENT_FILES).map((e) => ({ id: e.id, name: e.name, objectKey: e.objectKey, profileId: e.profileId, size: e.size, finishedAt: e.finishedAt }));

  async function refreshProfile(): Promise<void> {
    const { profiles, activeId } = await services.accounts.list();
    uploadOnly = new Map(profiles.map((p) => [p.id, p.uploadOnly]));
    const active = profiles.find((p) => p.id === activeId);
    controller.setProfile(active ? { name: active.name, uploadOnly: active.uploadOnly } : null);
  }

  function onSession(state: EventPayloadOf<'session.changed'>): void {
    sessionProblem = state.state === 'expired' || state.state === 'error' ? (state.error?.message ?? text(lang, 'tray.openToFix')) : null;
    showProblem();
  }

  // Initial state, then keep it current.
  await services.uploads.history.load();
  controller.setRecent(recentOf(services.uploads.history.recent(MAX_RECENT_FILES)));
  onItems(await services.uploads.list(lang), []);
  await refreshProfile();
  disposers.push(services.uploads.onChanged((changed, removed) => onItems(changed, removed)));
  disposers.push(services.uploads.history.onChange((entries) => controller.setRecent(recentOf(entries))));
  disposers.push(
    services.settings.onChange(() => {
      void services.lang().then((next) => {
        lang = next;
        controller.setLang(next);
      });
    }),
  );
  if (options.events) {
    disposers.push(
      options.events.listen((event, payload) => {
        if (event === 'profiles.changed') void refreshProfile();
        if (event === 'session.changed') onSession(payload as EventPayloadOf<'session.changed'>);
      }),
    );
  }

  return {
    controller,
    actions,
    dropFiles: (paths) => actions.uploadDropped(paths),
    uploadFromOs: (paths) => actions.uploadDropped(paths, 'args'),
    activeUploads: () => summary().running,
    clearUploadProblem() {
      uploadProblem = null;
      notifier.resetFailures();
      showProblem();
    },
    dispose() {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}
