import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { currentUserName, stablePrefix } from '../../../src-main/accounts/prefixTemplate.ts';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { createOssClient } from '../../../src-main/oss/ossClient.ts';
import type { DemoKey } from '../../../src-main/sandbox/demo.ts';
import { demoConfig, generateDemoKey, type SandboxConfigInput } from '../../../src-main/sandbox/index.ts';
import type { Clock } from '../../../src-main/time/clock.ts';
import { companyHarness, type CompanyHarness, type CompanyOptions } from '../../support/integrationHarness.ts';

export const LINKER = 'ferry-linker';

/** A company sandbox whose config also has a read-only RAM user for link-signing keys. */
export function configWithLinker(linker: DemoKey, maxSessionDuration = 3600): (key: DemoKey) => SandboxConfigInput {
  return (key) => {
    const base = demoConfig({ key, bucket: 'acme-share', maxSessionDuration });
    return {
      ...base,
      users: [
        ...(base.users ?? []),
        {
          name: LINKER,
          accessKeys: [{ id: linker.id, secret: linker.secret }],
          policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Resource: ['acs:oss:*:*:acme-share/shared/*'] }] }],
        },
      ],
    };
  };
}

export interface LinksHarness extends CompanyHarness {
  linker: DemoKey;
  /** Uploads bytes under the profile's prefix with the 'upload' credentials; returns the key. */
  put(name: string, body: Buffer): Promise<string>;
  exists(key: string): Promise<Buffer | undefined>;
}

/** companyHarness (test/support) whose sandbox also knows the link-signer; closed when the test ends. */
export async function linksHarness(options: { profile?: Record<string, unknown>; clock?: Clock } & Pick<CompanyOptions, 'network' | 'env' | 'policy'> = {}): Promise<LinksHarness> {
  const linker = generateDemoKey();
  const h = await companyHarness({
    config: configWithLinker(linker),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const runtime = () => h.services.accounts.runtimeProfile(h.profile.id);
  return Object.assign(h, {
    linker,
    async put(name: string, body: Buffer) {
      const profile = await runtime();
      const key = `${stablePrefix(profile.prefixTemplate, currentUserName())}${name}`;
      const client = createOssClient(profile, await h.services.broker.get(profile.id, 'upload'));
      await client.put(key, body);
      return key;
    },
    async exists(key: string) {
      const profile = await runtime();
      const client = createOssClient(profile, await h.services.broker.get(profile.id, 'manage'));
      try {
        return Buffer.from((await client.get(key)).content as Buffer);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  });
}

export interface Fetched {
  status: number;
  body: Buffer;
  headers: Headers;
}

export async function fetchLink(url: string): Promise<Fetched> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** The name a browser would save under, read from `filename*=UTF-8''…`. */
export function utf8FileName(disposition: string | null): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the link in Chromium as a user would and returns the download's suggested name and bytes. */
export async function browserDownload(browser: Browser, url: string): Promise<{ name: string; body: Buffer }> {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    const [download] = await Promise.all([page.waitForEvent('download'), page.goto(url).catch(() => undefined)]);
    const file = await download.path();
    return { name: download.suggestedFilename(), body: await readFile(file) };
  } finally {
    await context.close();
  }
}

/** Gives the harness profile a link-signing RAM user key (keychain), as an administrator would. */
export async function addLinkSigningKey(h: LinksHarness): Promise<void> {
  const p = await h.services.accounts.store.get(h.profile.id);
  await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      id: p.id,
      name: p.name,
      endpoint: p.endpoint,
      stsEndpoint: p.stsEndpoint,
      region: p.region,
      bucket: p.bucket,
      roleArn: p.roleArn,
      prefixTemplate: p.prefixTemplate,
      signatureVersion: p.signatureVersion,
      defaultLinkExpiry: p.defaultLinkExpiry,
    }),
    linkSigningKey: { accessKeyId: h.linker.id, accessKeySecret: h.linker.secret },
  });
  h.services.broker.invalidate(h.profile.id);
}
