// Renderer-side names for the contract's shapes (types only, and the expiry presets).
import type { ReplyOf, EventPayloadOf, FerryApi } from '../../src-main/contract.ts';

export type AppSettings = ReplyOf<'settings.get'>;
export type ProfileView = ReplyOf<'profiles.list'>['profiles'][number];
export type ProfileInput = ReplyOf<'profiles.parseConnection'>;
export type DestinationQuery = NonNullable<Parameters<FerryApi['profiles']['destinations']>[0]>;
export type Destination = ReplyOf<'profiles.destinations'>['destinations'][number];
export type TestStep = ReplyOf<'profiles.test'>['steps'][number];
export type CredentialState = ReplyOf<'session.state'>;
export type UploadItem = ReplyOf<'uploads.list'>['items'][number];
export type LedgerEntry = ReplyOf<'links.list'>['entries'][number];
export type LinkResult = ReplyOf<'links.copy'>;
export type ExpiryOptions = ReplyOf<'links.expiryOptions'>;
export type UploadsChanged = EventPayloadOf<'uploads.changed'>;
export { EXPIRY_PRESETS as EXPIRIES, type ExpiryPreset as Expiry } from '../../src-main/contract/expiryPresets.ts';
export type Screen = 'first-run' | 'connect' | 'main' | 'links' | 'settings';
export type Navigation = EventPayloadOf<'app.navigate'>;
export type LinkFocus = NonNullable<Navigation['focus']>;
