import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { dispatch } from '../../../src-main/app/dispatch.ts';
import { ProfileInputSchema } from '../../../src-main/contract/profiles.ts';
import { createNetwork } from '../../../src-main/network/network.ts';
import { pacFileResolver } from '../../../src-main/network/pacFileResolver.ts';
import { demoConfig, generateDemoKey } from '../../../src-main/sandbox/index.ts';
import { companySandbox, servicesHarness } from '../../support/integrationHarness.ts';
import { pacScript, servePac } from './pacServer.ts';
import { gateTo, startTinyproxy, type Tinyproxy } from './tinyproxy.ts';

/**
 * A company sandbox reachable only through gates that refuse anything but the proxy, and Ferry's services
 * as the app composes them (the network setting's network), with the system's proxy settings answered by
 * a PAC file that routes the gates through tinyproxy and everything else DIRECT.
 */
export async function appBehindGates(proxy?: Tinyproxy) {
  const key = generateDemoKey();
  const company = await companySandbox({ config: demoConfig({ key, bucket: 'acme-share' }) });
  const oss = await gateTo(() => company.ossEndpoint);
  const sts = await gateTo(() => company.stsEndpoint);
  const tiny = proxy ?? (await startTinyproxy());
  const pac = await servePac(pacScript([new URL(oss.url).host, new URL(sts.url).host], `127.0.0.1:${tiny.port}`));
  const env = { OSS_ACCESS_KEY_ID: key.id, OSS_ACCESS_KEY_SECRET: key.secret, OSS_STS_ROLE_ARN: company.demo!.roleArn };
  const h = await servicesHarness({ env, proxyResolver: pacFileResolver(pac.url, createNetwork().fetch) });
  const profile = await h.services.accounts.save({
    profile: ProfileInputSchema.parse({
      name: 'Acme',
      endpoint: oss.url,
      stsEndpoint: sts.url,
      region: 'cn-hangzhou',
      bucket: 'acme-share',
      roleArn: company.demo!.roleArn,
      prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      credentialSource: 'env',
    }),
  });
  const upload = async (name: string) => {
    const file = path.join(h.home, name);
    await writeFile(file, `contents of ${name}`);
    await h.services.uploads.add([file], { source: 'drop' });
    await h.services.uploads.whenIdle();
    return (await h.services.uploads.list()).find((item) => item.name === name);
  };
  const table = buildHandlerTable(h.services);
  const call = (channel: string, request: unknown) => dispatch(table, channel, request, { lang: 'en' });
  return { h, company, oss, sts, proxy: tiny, pac, profile, upload, call, direct: () => oss.counts.direct + sts.counts.direct };
}

