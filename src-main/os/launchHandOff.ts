import type { Lang } from '../i18n/lang.ts';
import type { NotificationPort, WindowPort } from '../ports/uiPorts.ts';
import { errorText } from '../i18n/text.ts';
import type { ProfileInput } from '../accounts/connection.ts';
import type { LaunchRequest } from './launchArgs.ts';
import { routeFerryUrl } from './ferryUrl.ts';

export interface HandOffDeps {
  /** Queues files with source 'args': their links are copied when they finish (see tray/uploadNotifier). */
  addUploads(paths: string[]): Promise<unknown>;
  /** Opens the import flow with the checked fields of a ferry://connect link. Nothing is saved yet. */
  openConnect(profile: ProfileInput): void;
  window: WindowPort;
  notifications: NotificationPort;
  lang: () => Lang;
}

export type HandOffOutcome = { files: number; connect: number; rejected: string[]; shownWindow: boolean };

/**
 * What the running instance does with a launch: the first one, a second launch (`second-instance`),
 * macOS `open-file`/`open-url`. Files upload in the background; a connect link opens the import
 * flow; a hostile link is refused with a plain-language notification; a bare launch shows the window.
 */
export async function handOffLaunch(request: LaunchRequest, deps: HandOffDeps, options: { firstLaunch: boolean }): Promise<HandOffOutcome> {
  const outcome: HandOffOutcome = { files: 0, connect: 0, rejected: [], shownWindow: false };
  for (const url of request.urls) {
    const routed = routeFerryUrl(url);
    if (routed.ok) {
      deps.openConnect(routed.route.profile);
      outcome.connect += 1;
      continue;
    }
    outcome.rejected.push(routed.error.code);
    deps.notifications.show({
      title: 'Ferry',
      body: errorText(deps.lang(), routed.error.code, { ...routed.error.params }),
      // Nothing in the window is about the refused link: show it as the user left it.
      onClick: () => deps.window.show(),
    });
  }
  if (request.files.length > 0) {
    await deps.addUploads(request.files);
    outcome.files = request.files.length;
  }
  // A second double-click on Ferry means "show me Ferry" (as the user left it, mid-form or not); a login
  // start means "stay out of the way".
  const bare = request.files.length === 0 && request.urls.length === 0;
  if (bare && !(options.firstLaunch && request.hidden)) {
    deps.window.show();
    outcome.shownWindow = true;
  }
  return outcome;
}
