import { describe, expect, it } from 'vitest';
import { hasHiddenChars } from '../../../src-main/names/inertName.ts';
import { download, uploadHarness } from './harness.ts';

// "invoice‮fdp.exe" displays as "invoiceexe.pdf"; the ESC would start a terminal escape sequence.
const SPOOFED = 'invoice\u202Efdp\u001b[2J.exe';

describe('names are inert in the keys Ferry makes', () => {
  it('stores a file named with U+202E and ESC under a key without them, and the item says so', async () => {
    const h = await uploadHarness();
    const file = await h.write(`names/${SPOOFED}`, 'MZ not really a program');
    const plain = await h.write('names/plain.txt', 'plain');
    const reply = await h.uploads.add([file, plain], { source: 'drop' });
    const [spoofed, ordinary] = await Promise.all(reply.ids.map((id) => h!.until(id)));

    expect(spoofed).toMatchObject({ state: 'done', name: SPOOFED, nameCleaned: true });
    expect(spoofed!.objectKey).toMatch(/^shared\/[^/]+\/\d{4}-\d{2}\/invoicefdp\[2J\.exe$/);
    expect(ordinary!.nameCleaned).toBeUndefined();
    const admin = await h.admin();
    expect((await download(admin, spoofed!.objectKey!)).toString()).toBe('MZ not really a program');
    const stored = ((await admin.list({ prefix: 'shared/', 'max-keys': 100 }, {})).objects ?? []).map((o: { name: string }) => o.name);
    expect(stored).toHaveLength(2);
    expect(stored.filter(hasHiddenChars)).toEqual([]);
  });

  it('refuses a name made only of hidden characters, with a message that shows them and says what to do', async () => {
    const h = await uploadHarness();
    const file = await h.write('names/\u202E\u200F\u0007', 'x');
    const reply = await h.uploads.add([file], { source: 'drop' });
    expect(reply.accepted).toBe(0);
    const refused = reply.rejected[0]!;
    expect(refused.error.code).toBe('names.onlyHidden');
    expect(refused.error.message).toContain('"[U+202E][U+200F][U+0007]"');
    expect(refused.error.message).toMatch(/Rename the file/);
    expect(hasHiddenChars(refused.error.message)).toBe(false);
    // Refused, so no key was made: the row does not claim a cleaned name.
    const row = h.uploads.item(reply.ids[0]!, 'en');
    expect(row).toMatchObject({ state: 'failed' });
    expect(row!.nameCleaned).toBeUndefined();
  });
});
