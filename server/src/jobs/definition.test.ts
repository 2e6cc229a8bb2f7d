import { describe, expect, it } from 'vitest';
import { InvalidPayload, parsePayload } from './definition.ts';
import { falOutcome } from './definitions/fal-outcome.ts';

describe('job definitions', () => {
  it('refuse a payload their schema does not describe, and pass one it does', () => {
    expect(() => parsePayload(falOutcome, {})).toThrow(InvalidPayload);
    expect(() => parsePayload(falOutcome, { deliveryId: 42 })).toThrow(InvalidPayload);
    expect(parsePayload(falOutcome, { deliveryId: 'd1' })).toEqual({ deliveryId: 'd1' });
  });
});
