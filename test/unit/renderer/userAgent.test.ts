import { describe, expect, it } from 'vitest';
import { describeAgent } from '../../../src-renderer/lib/userAgent.ts';

describe('a download’s User-Agent in plain words', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Chrome', 'Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0', 'Edge', 'Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari', 'macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49', 'WeChat', 'iPhone'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36 DingTalk/7.5.0', 'DingTalk', 'Android'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'Linux'],
  ])('%s', (agent, program, system) => {
    expect(describeAgent(agent)).toEqual({ program, system });
  });

  it('names tools without a system, and knows nothing of the unknown', () => {
    expect(describeAgent('curl/7.88.1')).toEqual({ program: 'curl' });
    expect(describeAgent('Wget/1.21.3')).toEqual({ program: 'Wget' });
    expect(describeAgent('python-requests/2.32.3')).toEqual({ program: 'Python' });
    expect(describeAgent('SomethingElse/1.0')).toEqual({});
  });
});
