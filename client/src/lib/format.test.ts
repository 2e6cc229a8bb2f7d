import { describe, expect, it } from 'vitest';
import { formatBytes, formatUsd, percent, progressLabel, ratioLabel, statusLabel } from './format.ts';

describe('formatters', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(-1)).toBe('');
  });
  it('computes a clamped percentage', () => {
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
    expect(percent(5, 0)).toBe(0);
  });
  it('formats prices to the tenth of a cent when it matters', () => {
    expect([0.62, 0.025, 0.243, 1.24, 0, 0.0486].map(formatUsd)).toEqual([
      '$0.62',
      '$0.025',
      '$0.243',
      '$1.24',
      '$0.00',
      '$0.0486',
    ]);
  });
  it('labels ratios and statuses', () => {
    expect(ratioLabel('R16_9')).toBe('16:9');
    expect(statusLabel('PENDING')).toBe('In progress');
    expect(statusLabel('FAILED')).toBe('Failed');
    expect(statusLabel('CANCELLED')).toBe('Cancelled');
  });
  it('says where a pending generation stands', () => {
    expect(progressLabel({ queuePosition: 3, startedAt: null }, 5, 60)).toBe('In queue (#3)');
    expect(progressLabel({ queuePosition: null, startedAt: null }, 1, null)).toBe('Waiting for the generator…');
    expect(progressLabel({ queuePosition: null, startedAt: 'x' }, 42, 60)).toBe('Generating… 42 s (usually ~60 s)');
    expect(progressLabel({ queuePosition: null, startedAt: 'x' }, 42, null)).toBe('Generating… 42 s');
    expect(progressLabel({ queuePosition: null, startedAt: 'x' }, 75, 60)).toBe('Generating… 75 s (longer than usual)');
  });
});
