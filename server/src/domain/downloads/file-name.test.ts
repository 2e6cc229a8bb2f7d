import { describe, expect, it } from 'vitest';
import { asciiBase, attachmentDisposition, fileName, readableBase } from './file-name.ts';

describe('download file names', () => {
  it('keeps a plain name as it is', () => {
    expect(attachmentDisposition('Summer promo', 'mp4', 'avatar')).toBe('attachment; filename="Summer promo.mp4"');
  });

  it('transliterates accents and replaces quotes, slashes and controls', () => {
    const d = attachmentDisposition('Zoé "la/boss"\\ café\u0007', 'png', 'image');
    expect(d).toBe('attachment; filename="Zoe -la-boss- cafe.png"');
    expect(fileName('Zoé "la/boss"\\ café', 'png', 'image')).toBe('Zoé -la-boss- café.png');
  });

  it('falls back when nothing readable is left, and never starts with a dot', () => {
    expect(fileName('../..', 'mp4', 'b-roll')).toBe('b-roll.mp4');
    expect(attachmentDisposition('日本語', 'mp4', 'avatar')).toBe('attachment; filename="avatar.mp4"');
    expect(attachmentDisposition('Café 日本', 'mp4', 'avatar')).toBe('attachment; filename="Cafe.mp4"');
    expect(readableBase('   ')).toBe('');
    expect(asciiBase('Ωmega')).toBe('mega');
  });

  it('bounds the length', () => {
    expect(readableBase('x'.repeat(500)).length).toBe(80);
  });
});
