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
import type { UploadsService } from '../uploads/uploadsService.ts';
import { TrayController } from './trayController.ts';
import { createTrayActions, type TrayActionsHandle } from './trayActions.ts';
import { trayServicesFromHandlers, type AddUploadsReply, type TrayServices } from './trayServices.ts';
import { UploadNotifier } from './uploadNotifier.ts';
import { MAX_RECENT_FILES } from './buildTrayMenu.ts';
import { TrayUploads } from './trayUploads.ts';
import { text } from '../i18n/text.ts';
import { isActive } from '../links/linkResult.ts';
import { TRAY_EXPIRIES, type TrayRecentFile } from './trayState.ts';
import { spanMs } from '../contract/expiryPresets.ts';

/** A link this close to its end marks its file in Recent files. */
const ENDS_SOON_MS = 24 * 3600_000;
const RECENT_REFRESH_MS = 10 * 60_000;

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

/** Main → renderer events to listen in on (TeeEvents in the app): profile and session changes. */
type EventTap = { listen(listener: (event: EventChannel, payload: unknown) => void): () => void };

/** What the tray shows, one setter per source of change. */
interface TrayView {
  uploads(changed: readonly UploadItem[], removed: readonly string[]): void;
  recent(entries?: readonly HistoryEntry[]): Promise<void>;
  profile(): Promise<void>;
  session(state: EventPayloadOf<'session.changed'>): void;
  lang(next: Lang): void;
}

export async function wireTray(
  services: Services,
  port: TrayPort,
  options: { table: HandlerTable; events?: EventTap; quit: () => void },
): Promise<TrayWiring> {
  let lang: Lang = await services.lang();
  let uploadOnly = new Map<string, boolean>();
  const uploads = new TrayUploads((upload) => void notifier.finished(upload));
  const traySources = trackedTrayServices(options.table, () => lang, services.uploads, (ids) => uploads.track(ids));
  const actions = createTrayActions({ services: traySources, ports: services.ports, lang: () => lang, quit: options.quit });
  const controller = new TrayController(port, actions, lang);
  const problem = new ProblemLine(controller);
  const notifier = new UploadNotifier({
    services: traySources,
    ports: services.ports,
    lang: () => lang,
    clock: services.clock,
    isUploadOnly: (profileId) => uploadOnly.get(profileId) === true,
    onFailure: (line) => problem.setUpload(line),
  });
  let history: readonly HistoryEntry[] = [];
  const view: TrayView = {
    uploads(changed, removed) {
      uploads.update(changed, removed);
      controller.setUploads(uploads.summary());
    },
    async recent(entries) {
      if (entries) history = entries;
      controller.setRecent(recentOf(history, await linksEndingSoon(services)));
    },
    async profile() {
      uploadOnly = await showActiveProfile(services, controller);
    },
    session: (state) => problem.setSession(sessionProblemOf(state, lang)),
    lang(next) {
      lang = next;
      controller.setLang(next);
    },
  };

  await showCurrentState(services, lang, view);
  const disposers = followChanges(services, options.events, view);
  return {
    controller,
    actions,
    dropFiles: (paths) => actions.uploadDropped(paths),
    uploadFromOs: (paths) => actions.uploadDropped(paths, 'args'),
    activeUploads: () => uploads.summary().running,
    clearUploadProblem() {
      notifier.resetFailures();
      problem.setUpload(null);
    },
    dispose() {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}

/** The tray's calls through the handler table, except that files it queues are tracked for their links. */
function trackedTrayServices(
  table: HandlerTable,
  lang: () => Lang,
  uploads: Pick<UploadsService, 'add' | 'fromClipboard'>,
  track: (ids: readonly string[]) => void,
): TrayServices {
  const tracked = (reply: AddUploadsReply) => {
    track(reply.ids ?? []);
    return reply;
  };
  const viaHandlers = trayServicesFromHandlers(table, lang, uploads);
  return {
    ...viaHandlers,
    addUploads: async (paths, source) => tracked(await viaHandlers.addUploads(paths, source)),
    uploadFromClipboard: async () => tracked(await uploads.fromClipboard()),
  };
}

/** The tray's problem line: a session problem (sign-in expired, key missing) wins over failed uploads. */
class ProblemLine {
  private session: string | null = null;
  private upload: string | null = null;

  constructor(private readonly controller: TrayController) {}

  setSession(problem: string | null): void {
    this.session = problem;
    this.show();
  }

  setUpload(problem: string | null): void {
    this.upload = problem;
    this.show();
  }

  private show(): void {
    this.controller.setProblem(this.session ?? this.upload);
  }
}

function sessionProblemOf(state: EventPayloadOf<'session.changed'>, lang: Lang): string | null {
  return state.state === 'expired' || state.state === 'error' ? (state.error?.message ?? text(lang, 'tray.openToFix')) : null;
}

function recentOf(entries: readonly HistoryEntry[], endsSoon: ReadonlyMap<string, number>): TrayRecentFile[] {
  return entries.slice(0, MAX_RECENT_FILES).map((e) => {
    const linkEndsAt = endsSoon.get(`${e.profileId}\n${e.objectKey}`);
    return { id: e.id, name: e.name, objectKey: e.objectKey, profileId: e.profileId, size: e.size, finishedAt: e.finishedAt, ...(linkEndsAt !== undefined ? { linkEndsAt } : {}) };
  });
}

/** Files whose newest working link stops working within a day ("profileId\nkey" → when), to mark in Recent files. */
async function linksEndingSoon(services: Services): Promise<Map<string, number>> {
  const now = services.clock.now();
  const newest = new Map<string, { createdAt: number; expiresAt: number }>();
  for (const e of await services.links.ledger.list().catch(() => [])) {
    const key = `${e.profileId}\n${e.objectKey}`;
    if (isActive(e, now) && e.expiresAt > (newest.get(key)?.expiresAt ?? 0)) newest.set(key, e);
  }
  // As on the Links screen: a link's last day, or the last quarter of a shorter link's life.
  const soon = ({ createdAt, expiresAt }: { createdAt: number; expiresAt: number }): boolean => expiresAt - now <= Math.min(ENDS_SOON_MS, (expiresAt - createdAt) / 4);
  return new Map([...newest].filter(([, e]) => soon(e)).map(([key, e]) => [key, e.expiresAt]));
}

/** Shows the active profile; returns which profiles are upload-only (their finished uploads copy no link). */
async function showActiveProfile(services: Services, controller: TrayController): Promise<Map<string, boolean>> {
  const { profiles, activeId } = await services.accounts.list();
  const active = profiles.find((p) => p.id === activeId);
  // IT's maximum: the tray offers only the expiries main would accept.
  const expiries = TRAY_EXPIRIES.filter((expiry) => (spanMs(expiry) ?? Infinity) <= services.policy.maxLinkLifetimeMs);
  controller.setProfile(active ? { name: active.name, uploadOnly: active.uploadOnly, expiries } : null);
  return new Map(profiles.map((p) => [p.id, p.uploadOnly]));
}

async function showCurrentState(services: Services, lang: Lang, view: TrayView): Promise<void> {
  await services.uploads.history.load();
  await view.recent(services.uploads.history.recent(MAX_RECENT_FILES));
  view.uploads(await services.uploads.list(lang), []);
  await view.profile();
}

/** Keeps the tray current; returns the unsubscribers. */
function followChanges(services: Services, events: EventTap | undefined, view: TrayView): (() => void)[] {
  const disposers = [
    services.uploads.onChanged((changed, removed) => view.uploads(changed, removed)),
    services.uploads.history.onChange((entries) => void view.recent(entries)),
    services.settings.onChange(() => void services.lang().then((next) => view.lang(next))),
  ];
  // A link enters its last day without any event: look again now and then.
  const timer = setInterval(() => void view.recent(), RECENT_REFRESH_MS);
  timer.unref();
  disposers.push(() => clearInterval(timer));
  if (events) {
    disposers.push(
      events.listen((event, payload) => {
        if (event === 'profiles.changed') void view.profile();
        if (event === 'links.changed') void view.recent();
        if (event === 'session.changed') view.session(payload as EventPayloadOf<'session.changed'>);
      }),
    );
  }
  return disposers;
}
