// File names for what users download: readable, and safe in a Content-Disposition header, a ZIP entry and
// any file system. Header values are ASCII in practice (browsers and proxies mangle anything else), so a
// download's `filename` is an ASCII transliteration. No RFC 5987 `filename*=UTF-8''…` beside it: its `'`
// and `*` are what the embedded S3 server (s3rver) encodes differently from S3 when it checks a presigned
// URL's signature, so every such URL would be refused there (measured: SignatureDoesNotMatch).

const MAX_BASE_LENGTH = 80;

/** Characters no file system or header takes as they are: quotes, slashes, reserved punctuation. */
const UNSAFE = /["\\/:*?<>|]+/g;
/* eslint-disable-next-line no-control-regex -- control characters are exactly what must go */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `name` without control characters, reserved punctuation or leading dots, trimmed; '' when nothing is left. */
export function readableBase(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  // Cut between characters as people see them (an accent or an emoji stays whole).
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(cleaned)];
  return graphemes
    .slice(0, MAX_BASE_LENGTH)
    .map((g) => g.segment)
    .join('')
    .trim();
}

/** An ASCII-only version of a readable base: accents dropped (é → e), other letters replaced by '_'. */
export function asciiBase(base: string): string {
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(UNSAFE, '-')
    .replace(/_+/g, '_')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
}

/** The readable file name of `name` with its extension, `fallback` when the name has nothing usable. */
export function fileName(name: string | null | undefined, ext: string, fallback: string): string {
  return `${readableBase(name ?? '') || fallback}.${ext}`;
}

/** `attachment; filename="<ASCII name>.<ext>"`: the readable name, transliterated (é → e). */
export function attachmentDisposition(name: string | null | undefined, ext: string, fallback: string): string {
  const ascii = asciiBase(readableBase(name ?? '') || fallback) || fallback;
  return `attachment; filename="${ascii}.${ext}"`;
}
