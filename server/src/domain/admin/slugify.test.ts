import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.ts';

describe('slugify', () => {
  it('strips accents and punctuation', () => {
    expect(slugify('Médical & Santé')).toBe('medical-sante');
    expect(slugify('  Âge  ')).toBe('age');
    expect(slugify('***')).toBe('');
  });
});
