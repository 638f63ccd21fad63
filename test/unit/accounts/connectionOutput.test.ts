import { describe, expect, it } from 'vitest';
import { parseConnection } from '../../../src-main/accounts/connection.ts';
import { connectionFileName, connectionFileText, connectionLink } from '../../../src-main/accounts/connectionOutput.ts';

describe('the connection file and link ferry admin writes', () => {
  const fields = parseConnection(
    JSON.stringify({
      name: 'Acme Share & Co',
      bucket: 'acme-share',
      endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
      roleArn: 'acs:ram::1234567890123456:role/ferry-staff',
      prefixTemplate: 'shared/{user}/{yyyy}-{mm}/',
      sessionDurationSeconds: 1800,
      defaultLinkExpiry: '7d',
    }),
  );

  it('both read back through the import parser unchanged', () => {
    expect(parseConnection(connectionFileText(fields))).toEqual(fields);
    expect(parseConnection(connectionLink(fields))).toEqual(fields);
    expect(connectionLink(fields)).toMatch(/^ferry:\/\/connect\?name=Acme\+Share\+%26\+Co&/);
    expect(JSON.parse(connectionFileText(fields))).toMatchObject({ ferry: 1, region: 'cn-shanghai', sessionDurationSeconds: 1800 });
  });

  it('names the file after the connection', () => {
    expect(connectionFileName('Acme Share & Co')).toBe('acme-share-co.ferry.json');
    expect(connectionFileName('上海 办公室')).toBe('上海-办公室.ferry.json');
    expect(connectionFileName('../..')).toBe('connection.ferry.json');
  });
});
