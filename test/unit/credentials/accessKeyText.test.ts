import { describe, expect, it } from 'vitest';
import { accessKeyFromFile, accessKeyFromText } from '../../../src-main/credentials/accessKeyText.ts';

const ID = 'FakeKeyId5tAbCdEfGh12';
const SECRET = 'FakeSecretAbcdefghijklmnop0123';
const KEY = { accessKeyId: ID, accessKeySecret: SECRET };

const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

describe('an AccessKey.csv from the Alibaba Cloud console', () => {
  it('reads the console file: header, one row, CRLF, with or without a UTF-8 BOM', () => {
    expect(accessKeyFromFile(utf8(`AccessKey ID,AccessKey Secret\r\n${ID},${SECRET}\r\n`))).toEqual(KEY);
    expect(accessKeyFromFile(withBom(`AccessKey ID,AccessKey Secret\n${ID},${SECRET}\n`))).toEqual(KEY);
  });

  it('reads the RAM-user download with more columns, in any order, quoted cells, and the label spellings consoles use', () => {
    expect(accessKeyFromFile(utf8(`UserPrincipalName,AccessKey ID,AccessKey Secret\nalice@1234.onaliyun.com,${ID},${SECRET}\n`))).toEqual(KEY);
    expect(accessKeyFromFile(utf8(`"AccessKeySecret","AccessKeyId"\n"${SECRET}","${ID}"\n`))).toEqual(KEY);
    expect(accessKeyFromFile(withBom(`用户登录名称,登录密码,AccessKey ID,AccessKey Secret\nalice@1234.onaliyun.com,"pa,ss""word",${ID},${SECRET}\n`))).toEqual(KEY);
    expect(accessKeyFromFile(utf8(`access_key_id\taccess_key_secret\n${ID}\t${SECRET}\n`))).toEqual(KEY);
  });

  it('reads a GBK file from an older Chinese console and a UTF-16 one saved by Excel', () => {
    // "用户登录名称" in GBK, then the two key columns.
    const gbkName = [0xd3, 0xc3, 0xbb, 0xa7, 0xb5, 0xc7, 0xc2, 0xbc, 0xc3, 0xfb, 0xb3, 0xc6];
    expect(accessKeyFromFile(new Uint8Array([...gbkName, ...utf8(`,AccessKey ID,AccessKey Secret\nalice,${ID},${SECRET}\n`)]))).toEqual(KEY);
    const utf16 = Buffer.from(`AccessKey ID\tAccessKey Secret\r\n${ID}\t${SECRET}\r\n`, 'utf16le');
    expect(accessKeyFromFile(new Uint8Array([0xff, 0xfe, ...utf16]))).toEqual(KEY);
  });

  it('refuses odd and hostile files with a code that says what is wrong', () => {
    expect(code(() => accessKeyFromFile(new Uint8Array(16 * 1024 + 1).fill(0x41)))).toBe('credentials.keyFileTooLarge');
    expect(code(() => accessKeyFromFile(new Uint8Array()))).toBe('credentials.keyFileEmpty');
    expect(code(() => accessKeyFromFile(utf8('\n \r\n')))).toBe('credentials.keyFileEmpty');
    expect(code(() => accessKeyFromFile(utf8('AccessKey ID,AccessKey Secret\n')))).toBe('credentials.keyFileEmpty');
    expect(code(() => accessKeyFromFile(utf8('AccessKey ID,AccessKey Secret\n,\n')))).toBe('credentials.keyFileEmpty');
    const two = `AccessKey ID,AccessKey Secret\n${ID},${SECRET}\nFakeKeyId5tOther000000,${SECRET}\n`;
    expect(code(() => accessKeyFromFile(utf8(two)))).toBe('credentials.keyFileSeveralKeys');
    // The same key twice (copied rows) is still one key.
    expect(accessKeyFromFile(utf8(`AccessKey ID,AccessKey Secret\n${ID},${SECRET}\n${ID},${SECRET}\n`))).toEqual(KEY);
    expect(code(() => accessKeyFromFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe('credentials.keyFileNotCsv');
    expect(code(() => accessKeyFromFile(utf8('{"name":"Acme","bucket":"acme-share"}')))).toBe('credentials.keyFileNotCsv');
    expect(code(() => accessKeyFromFile(utf8('name,bucket\nAcme,acme-share\n')))).toBe('credentials.keyFileNotCsv');
    expect(code(() => accessKeyFromFile(utf8(`AccessKey ID,AccessKey Secret\nLTAI,${SECRET}\n`)))).toBe('credentials.keyFileNotCsv');
    expect(code(() => accessKeyFromFile(utf8(`AccessKey ID,AccessKey Secret\nSTS.NTxyz1234567890,${SECRET}\n`)))).toBe('credentials.keyIsTemporary');
  });
});

describe('a key pasted as IT sent it', () => {
  it('reads two lines (ID, then secret), with stray spaces and blank lines', () => {
    expect(accessKeyFromText(`${ID}\n${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`\n  ${ID}  \r\n\r\n\t${SECRET}\n`)).toEqual(KEY);
  });

  it('reads labelled lines in either order, with colons (also full-width), equals signs, tabs or spaces', () => {
    expect(accessKeyFromText(`AccessKey ID: ${ID}\nAccessKey Secret: ${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`AccessKey Secret：${SECRET}\nAccessKey ID：${ID}`)).toEqual(KEY);
    expect(accessKeyFromText(`Here is your key for Ferry.\nAccessKeyId=${ID}\nAccessKeySecret=${SECRET}\nThanks, IT`)).toEqual(KEY);
    expect(accessKeyFromText(`AccessKey ID\t${ID}\nAccessKey Secret\t${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`AccessKey ID ${ID}\nAccessKey Secret ${SECRET}`)).toEqual(KEY);
  });

  it('reads one line split by a tab, a comma or spaces, and the CSV text itself', () => {
    expect(accessKeyFromText(`${ID}\t${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`${ID},${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`${ID}   ${SECRET}`)).toEqual(KEY);
    expect(accessKeyFromText(`AccessKey ID,AccessKey Secret\n${ID},${SECRET}`)).toEqual(KEY);
  });

  it('says plainly what is wrong with text it cannot read', () => {
    expect(code(() => accessKeyFromText(' \n '))).toBe('credentials.keyTextEmpty');
    expect(code(() => accessKeyFromText(ID))).toBe('credentials.keyTextUnreadable');
    expect(code(() => accessKeyFromText(`${ID}\n${SECRET}\nmore`))).toBe('credentials.keyTextUnreadable');
    expect(code(() => accessKeyFromText('x'.repeat(5000)))).toBe('credentials.keyTextUnreadable');
    expect(code(() => accessKeyFromText(`${ID}\nshort`))).toBe('credentials.keySecretShape');
    expect(code(() => accessKeyFromText(`AccessKey ID,AccessKey Secret\n${ID},${SECRET}\nFakeKeyId5tOther000000,${SECRET}`))).toBe('credentials.keyTextSeveralKeys');
  });
});
