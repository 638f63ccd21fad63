import type { HandlerTable } from '../dispatch.ts';
import type { Services } from '../services.ts';

type Channels =
  | 'uploads.drop'
  | 'uploads.dropData'
  | 'uploads.pick'
  | 'uploads.fromClipboard'
  | 'uploads.list'
  | 'uploads.pause'
  | 'uploads.resume'
  | 'uploads.cancel'
  | 'uploads.retry'
  | 'uploads.pauseAll'
  | 'uploads.resumeAll'
  | 'uploads.cancelAll'
  | 'uploads.clearFinished';

export function uploadHandlers(services: Services): Pick<HandlerTable, Channels> {
  const uploads = services.uploads;
  return {
    'uploads.drop': ({ paths }) => uploads.add(paths, { source: 'drop' }),
    'uploads.dropData': (file) => services.dropped.add(file),
    'uploads.pick': (request) => uploads.pick(request?.folders ?? false),
    'uploads.fromClipboard': () => uploads.fromClipboard(),
    'uploads.list': async (_request, ctx) => ({ items: await uploads.list(ctx.lang) }),
    'uploads.pause': ({ id }) => ({ changed: uploads.pause(id) }),
    'uploads.resume': ({ id }) => ({ changed: uploads.resume(id) }),
    'uploads.cancel': async ({ id }) => ({ changed: await uploads.cancel(id) }),
    'uploads.retry': ({ id }) => ({ changed: uploads.retry(id) }),
    'uploads.pauseAll': () => ({ changed: uploads.pauseAll() }),
    'uploads.resumeAll': () => ({ changed: uploads.resumeAll() }),
    'uploads.cancelAll': async () => ({ changed: await uploads.cancelAll() }),
    'uploads.clearFinished': async () => ({ changed: await uploads.clearFinished() }),
  };
}
