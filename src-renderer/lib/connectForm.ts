import type { MessageKey } from './i18n/i18n.svelte.ts';
import type { ProfileInput } from './types.ts';

/** The connect form's text fields. The secret lives here only until it is sent to main once. */
export interface ConnectFields {
  id?: string | undefined;
  name: string;
  endpoint: string;
  region: string;
  bucket: string;
  prefixTemplate: string;
  roleArn: string;
  accessKeyId: string;
  accessKeySecret: string;
  signingKeyId: string;
  signingKeySecret: string;
}

export function emptyFields(): ConnectFields {
  return { name: '', endpoint: '', region: '', bucket: '', prefixTemplate: 'shared/{user}/{yyyy}-{mm}/', roleArn: '', accessKeyId: '', accessKeySecret: '', signingKeyId: '', signingKeySecret: '' };
}

export function fieldsFrom(input: ProfileInput, current: ConnectFields): ConnectFields {
  return {
    ...current,
    id: input.id,
    name: input.name,
    endpoint: input.endpoint ?? '',
    region: input.region ?? '',
    bucket: input.bucket,
    prefixTemplate: input.prefixTemplate,
    roleArn: input.roleArn ?? '',
  };
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export function profileFrom(fields: ConnectFields, imported: ProfileInput | null): ProfileInput {
  return {
    ...(imported ?? {}),
    id: fields.id,
    name: fields.name.trim(),
    endpoint: optional(fields.endpoint),
    region: optional(fields.region),
    bucket: fields.bucket.trim(),
    prefixTemplate: fields.prefixTemplate,
    roleArn: optional(fields.roleArn),
    sessionDurationSeconds: imported?.sessionDurationSeconds ?? 3600,
    defaultLinkExpiry: imported?.defaultLinkExpiry ?? '1d',
    signatureVersion: imported?.signatureVersion ?? 'v4',
    credentialSource: imported?.credentialSource ?? 'keychain-role',
  };
}

/** A key pair typed in the form, or undefined when the ID was left empty (keep what is stored). */
export function keyPair(id: string, secret: string): { accessKeyId: string; accessKeySecret: string } | undefined {
  return id.trim() === '' ? undefined : { accessKeyId: id.trim(), accessKeySecret: secret };
}

export interface FormProblems {
  name?: MessageKey | undefined;
  bucket?: MessageKey | undefined;
}

/** What the form needs before it can be saved, in field order (main checks everything again). */
export function formProblems(fields: ConnectFields): FormProblems {
  const problems: FormProblems = {};
  if (fields.name.trim() === '') problems.name = 'connect.form.nameMissing';
  if (fields.bucket.trim().length < 3) problems.bucket = 'connect.form.bucketMissing';
  return problems;
}
