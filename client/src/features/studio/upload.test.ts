import { describe, expect, it } from 'vitest';
import { formErrors } from '../../lib/errors.ts';
import { MAX_BYTES, precheck } from './upload.ts';

describe('upload precheck', () => {
  it('accepts JPEG, PNG and WebP up to 10 MB', () => {
    expect(precheck({ type: 'image/png', size: 1000 })).toBeUndefined();
    expect(precheck({ type: 'image/webp', size: MAX_BYTES })).toBeUndefined();
  });
  it('refuses other types and bigger files with the same field paths as the server', () => {
    const type = precheck({ type: 'image/gif', size: 10 })!;
    expect(formErrors(type, ['contentType']).fields.contentType).toMatch(/JPEG, PNG or WebP/);
    const size = precheck({ type: 'image/jpeg', size: MAX_BYTES + 1 })!;
    expect(formErrors(size, ['byteSize']).fields.byteSize).toMatch(/10 MB/);
  });
});
