import { describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition, nameOfKey, rfc5987 } from '../../../src-main/links/contentDisposition.ts';
import { inlineContentType } from '../../../src-main/links/inlineTypes.ts';
import { linkQuery } from '../../../src-main/links/linkQuery.ts';
import { parseCidr, trafficLimitBits } from '../../../src-main/links/advancedOptions.ts';

describe('content disposition', () => {
  it('gives an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('季度报告 Q3.pdf')).toBe(
      `attachment; filename="_ Q3.pdf"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A%20Q3.pdf`,
    );
    expect(contentDisposition('photo.jpg', true)).toBe(`inline; filename="photo.jpg"; filename*=UTF-8''photo.jpg`);
  });

  it('encodes the characters RFC 5987 does not allow raw', () => {
    expect(rfc5987("it's (1)*.txt")).toBe('it%27s%20%281%29%2A.txt');
    expect(rfc5987('🎉.png')).toBe('%F0%9F%8E%89.png');
    expect(decodeURIComponent(rfc5987('a+b#c?d%e;f,g.txt'))).toBe('a+b#c?d%e;f,g.txt');
  });

  it('falls back sensibly', () => {
    expect(asciiFallback('Café crème.pdf')).toBe('Cafe creme.pdf');
    expect(asciiFallback('报告.pdf')).toBe('download.pdf');
    expect(asciiFallback('🎉')).toBe('download');
    expect(asciiFallback('say "hi"\\; 100%.txt')).toBe('say _hi_ 100_.txt');
  });

  it('strips control characters so a name cannot inject header text', () => {
    expect(contentDisposition('a\r\nb.txt')).toBe(`attachment; filename="ab.txt"; filename*=UTF-8''ab.txt`);
  });

  it('takes the name from the last part of the key', () => {
    expect(nameOfKey('shared/alice/2026-11/报告.pdf')).toBe('报告.pdf');
    expect(nameOfKey('top.txt')).toBe('top.txt');
  });
});

describe('advanced options', () => {
  it('reads single addresses and CIDR blocks', () => {
    expect(parseCidr('203.0.113.7')).toEqual({ ip: '203.0.113.7', maskBits: 32 });
    expect(parseCidr(' 10.0.0.0/8 ')).toEqual({ ip: '10.0.0.0', maskBits: 8 });
    expect(parseCidr('2001:db8::/32')).toEqual({ ip: '2001:db8::', maskBits: 32 });
    for (const bad of ['', 'example.com', '10.0.0.0/33', '10.0.0.0/0', '10.0.0.0/x', '300.1.1.1']) {
      expect(() => parseCidr(bad), bad).toThrow(expect.objectContaining({ code: 'links.badSourceIp' }));
    }
  });

  it('converts KB/s to the bits per second OSS expects, within 100 KB/s–100 MB/s', () => {
    expect(trafficLimitBits(100)).toBe(819_200);
    expect(trafficLimitBits(102_400)).toBe(838_860_800);
    expect(() => trafficLimitBits(99)).toThrow(expect.objectContaining({ code: 'links.badLimit' }));
    expect(() => trafficLimitBits(102_401)).toThrow(expect.objectContaining({ code: 'links.badLimit' }));
  });

  it('builds the signed parameters', () => {
    expect(linkQuery({ name: 'clip.mp4', inline: true, sourceIp: '192.0.2.0/24', limitKBps: 500 })).toEqual({
      'response-content-type': 'video/mp4',
      'response-content-disposition': `inline; filename="clip.mp4"; filename*=UTF-8''clip.mp4`,
      'x-oss-ac-source-ip': '192.0.2.0',
      'x-oss-ac-subnet-mask': '24',
      'x-oss-traffic-limit': '4096000',
    });
  });

  it('opens only images, PDFs and video inline', () => {
    expect(inlineContentType('A.PDF')).toBe('application/pdf');
    expect(inlineContentType('x.svg')).toBeUndefined();
    expect(() => linkQuery({ name: 'notes.docx', inline: true })).toThrow(expect.objectContaining({ code: 'links.inlineUnsupported' }));
  });
});
