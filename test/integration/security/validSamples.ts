/**
 * One valid argument per IPC channel, as the window would send it: the fuzz mutates it field by field.
 * Every sample is valid but harmless — it must not delete, stop sharing, replace or re-activate the state
 * the fuzz protects (the sandbox profile, its keychain entry, the uploaded objects, the share link).
 *
 * A channel added to the contract without a sample here makes its fuzz test fail with a message saying
 * so; a sample the contract no longer accepts, or one for a channel it dropped, fails too. `undefined`
 * means "takes no argument".
 */
export interface SampleContext {
  /** The active "Try it on this computer" profile. */
  sandboxId: string;
  /** A second, non-sandbox profile that samples may re-save (never the sandbox one). */
  decoyId: string;
  /** Objects uploaded before the fuzz (in the sandbox bucket, in the uploads list). */
  objectKeys: string[];
  uploadIds: string[];
  /** A share link in the ledger. */
  linkId: string;
  /** A small file the test made (for channels that take local paths). */
  sampleFile: string;
}

export type SampleTable = Record<string, (ctx: SampleContext) => unknown>;

export const VALID_SAMPLES: SampleTable = {
  // app.*
  'app.info': () => undefined,
  'app.ping': () => ({ text: 'hello' }),
  'app.takeNavigation': () => undefined,
  'app.managedSettings': () => undefined,
  'settings.get': () => undefined,
  // The current values: accepted, and nothing really changes.
  'settings.update': () => ({ theme: 'system', fileConcurrency: 3, collisionPolicy: 'keepBoth' }),

  // profiles.*
  'profiles.list': () => undefined,
  // Re-saves the decoy with the values it already has; never becomes active.
  'profiles.save': (ctx) => ({
    profile: {
      id: ctx.decoyId,
      name: 'Decoy',
      endpoint: 'http://127.0.0.1:9',
      region: 'cn-hangzhou',
      bucket: 'decoy-bucket',
      prefixTemplate: 'shared/{user}/',
      sessionDurationSeconds: 3600,
      defaultLinkExpiry: '1d',
      signatureVersion: 'v4',
      credentialSource: 'env',
      stsEndpoint: 'http://127.0.0.1:9',
    },
    makeActive: false,
  }),
  // The decoy's expiry, to the value it already has.
  'profiles.update': (ctx) => ({ id: ctx.decoyId, patch: { defaultLinkExpiry: '1d' } }),
  'profiles.parseConnection': () => ({ text: 'ferry://connect?name=Acme&bucket=acme-share&region=cn-hangzhou' }),
  'profiles.pickConnectionFile': () => undefined,
  // Held in main's memory only; nothing is saved.
  'profiles.readKey': () => ({ text: 'FakeKeyIdForTheFuzz01\nFakeSecretForTheFuzz0123456789' }),
  'profiles.pickKeyFile': () => undefined,
  'profiles.use': (ctx) => ({ id: ctx.sandboxId }),
  'profiles.remove': () => ({ id: 'pffffffffffffffff' }),
  'profiles.destinations': () => ({ endpoint: 'http://127.0.0.1:9', region: 'cn-hangzhou', stsEndpoint: 'http://127.0.0.1:9', credentialSource: 'env' }),
  'profiles.test': (ctx) => ({ id: ctx.sandboxId }),
  'profiles.tryLocally': () => undefined,
  'session.state': () => undefined,

  // network.*
  // The active (sandbox) profile's connection test, direct: what profiles.test does.
  'network.test': () => ({ setting: { mode: 'none' } }),
  // No proxy asked for a login: refused, nothing reaches the keychain.
  'network.proxyLogin': () => ({ proxy: '127.0.0.1:9', user: 'alice', password: 'not-a-real-password' }),

  // uploads.*
  // A preload channel (dropped files' paths, resolved by the preload): the page cannot call it.
  'uploads.drop': (ctx) => ({ paths: [ctx.sampleFile] }),
  // A preload channel too: a dropped File with no path (from a browser), as bytes.
  'uploads.dropData': () => ({ name: 'from-the-browser.txt', size: 5, bytes: new Uint8Array([104, 101, 108, 108, 111]) }),
  'uploads.pick': () => ({ folders: false }),
  'uploads.fromClipboard': () => undefined,
  'uploads.list': () => undefined,
  'uploads.pause': (ctx) => ({ id: ctx.uploadIds[0] }),
  'uploads.resume': (ctx) => ({ id: ctx.uploadIds[0] }),
  'uploads.cancel': (ctx) => ({ id: ctx.uploadIds[0] }),
  'uploads.retry': (ctx) => ({ id: ctx.uploadIds[0] }),
  'uploads.pauseAll': () => undefined,
  'uploads.resumeAll': () => undefined,
  'uploads.cancelAll': () => undefined,
  'uploads.clearFinished': () => undefined,

  // links.*
  'links.expiryOptions': (ctx) => ({ profileId: ctx.sandboxId, custom: '2h' }),
  'links.copy': (ctx) => ({ objectKey: ctx.objectKeys[0], profileId: ctx.sandboxId, expiry: '1h', inline: false, sourceIp: '127.0.0.1', limitKBps: 100 }),
  'links.copyMessage': (ctx) => ({ objectKey: ctx.objectKeys[1], expiry: '1d' }),
  'links.list': () => ({ filter: 'active' }),
  'links.copyAgain': (ctx) => ({ id: ctx.linkId }),
  'links.renew': (ctx) => ({ id: ctx.linkId, expiry: '7d' }),
  'links.copyAll': (ctx) => ({ ids: [ctx.linkId], objects: [{ objectKey: ctx.objectKeys[0], profileId: ctx.sandboxId }] }),
  'links.exportCsv': (ctx) => ({ ids: [ctx.linkId] }),
  // The recording dialog answers "Cancel": accepted, nothing is deleted.
  'links.stopSharing': (ctx) => ({ objectKey: ctx.objectKeys[0], profileId: ctx.sandboxId, mode: 'delete' }),

  // bundles.*, qr.*: a new zip of two sent files (a new object and link; nothing existing changes).
  'bundles.share': (ctx) => ({ uploadIds: ctx.uploadIds.slice(0, 2), linkIds: [ctx.linkId], expiry: '1h' }),
  'bundles.cancel': () => undefined,
  'qr.link': (ctx) => ({ id: ctx.linkId }),
};
