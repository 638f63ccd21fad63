import type { Lang } from '../i18n/lang.ts';

/** A user-visible message in every language Ferry speaks. `{name}` is replaced by params. */
export type LocalizedMessage = Readonly<Record<Lang, string>>;
export type MessageTable = Readonly<Record<string, LocalizedMessage>>;
