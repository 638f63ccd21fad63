import { describe, expect, it } from 'vitest';
import { FerryError } from '../../../src-main/errors/ferryError.ts';
import { classifyNetworkError } from '../../../src-main/oss/classifyError.ts';

/** ali-oss passes urllib's errors on with their status and a message that carries agent counters. */
function urllibError(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name, status });
}

const AGENT = '(connected: true, keepalive socket: false, agent status: {"createSocketCount":6,"timeoutSocketCount":0}, socketHandledRequests: 1)';

describe('classifyNetworkError (what the user is told when the network fails)', () => {
  it.each([
    ['a dropped connection, even with "timeoutSocketCount" in the text', urllibError('ResponseError', -1, `socket hang up, PUT http://127.0.0.1:9/b/k -1 ${AGENT}`), 'oss.connectionReset'],
    ['a dropped connection reported while reading the response (-2)', urllibError('ResponseError', -2, `socket hang up, GET http://127.0.0.1:9/b/k -2 ${AGENT}`), 'oss.connectionReset'],
    ['a real response timeout', urllibError('ResponseTimeoutError', -2, `Response timeout for 60000ms, PUT http://127.0.0.1:9/b/k -2 ${AGENT}`), 'oss.timeout'],
    ['a refused connection', urllibError('RequestError', -1, `connect ECONNREFUSED 127.0.0.1:9, PUT http://127.0.0.1:9/b/k -1 ${AGENT}`), 'oss.unreachable'],
  ])('%s', (_what, error, code) => {
    const classified = classifyNetworkError(error);
    expect(classified).toBeInstanceOf(FerryError);
    expect(classified!.code).toBe(code);
  });
});
