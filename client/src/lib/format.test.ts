import { describe, expect, it } from 'vitest';
import { formatBytes, formatUsd, percent, ratioLabel, statusLabel } from './format.ts';

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
  });
});
