import { describe, expect, it } from 'vitest';
import { redactHistory, restoreHistory, SESSION_PLACEHOLDER } from './storage.ts';

const entry = (headers: string) => ({ query: '{ me { id } }', headers, operationName: 'Me' });

describe('GraphiQL history storage', () => {
  it('stores no Authorization value and restores the current session token in its place', () => {
    const headers = JSON.stringify({ authorization: 'Bearer secret-1', 'x-trace': 'a' }, null, 2);
    const stored = redactHistory(JSON.stringify({ queries: [entry(headers), entry('')] }));
    expect(stored).not.toContain('secret-1');
    const [first, second] = (JSON.parse(stored) as { queries: { headers: string }[] }).queries;
    expect(JSON.parse(first.headers)).toEqual({ authorization: SESSION_PLACEHOLDER, 'x-trace': 'a' });
    expect(second.headers).toBe('');
    const restored = JSON.parse(restoreHistory(stored, 'now-2')) as { queries: { headers: string }[] };
    expect(JSON.parse(restored.queries[0].headers)).toEqual({ authorization: 'Bearer now-2', 'x-trace': 'a' });
    expect(restoreHistory(stored, null)).toBe(stored);
    expect(redactHistory('not json')).toBe('not json');
  });
});
