// The emulator's "CDN": results and uploads kept in memory, oldest evicted past a byte budget, optionally
// expiring like fal's URLs do (the app must copy results into its own bucket, seed 002).
import { randomUUID } from 'node:crypto';

interface StoredFile {
  data: Buffer;
  contentType: string;
  storedAt: number;
}

export interface FileStore {
  put(data: Buffer, contentType: string, ext: string): string;
  /** Reserves a name for an upload to come; `put` it later with `putAt`. */
  reserve(ext: string): string;
  putAt(name: string, data: Buffer, contentType: string): void;
  get(name: string): StoredFile | undefined;
  clear(): void;
}

const EXT = /^[a-z0-9]{1,8}$/;

export function extensionFor(contentType: string, fileName?: string): string {
  const fromName = fileName?.split('.').pop()?.toLowerCase();
  if (fromName && fileName!.includes('.') && EXT.test(fromName)) return fromName;
  const known: Record<string, string> = {
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/webp': 'webp',
    'video/mp4': 'mp4',
    'application/json': 'json',
  };
  return known[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
}

export function createFileStore(opts: { maxBytes: number; ttlMs: () => number | null }): FileStore {
  const files = new Map<string, StoredFile>();
  let total = 0;

  function putAt(name: string, data: Buffer, contentType: string) {
    const previous = files.get(name);
    if (previous) {
      total -= previous.data.length;
      files.delete(name);
    }
    files.set(name, { data, contentType, storedAt: Date.now() });
    total += data.length;
    for (const [oldest, file] of files) {
      if (total <= opts.maxBytes || oldest === name) break;
      files.delete(oldest);
      total -= file.data.length;
    }
  }

  return {
    reserve: (ext) => `${randomUUID()}.${EXT.test(ext) ? ext : 'bin'}`,
    put(data, contentType, ext) {
      const name = `${randomUUID()}.${EXT.test(ext) ? ext : 'bin'}`;
      putAt(name, data, contentType);
      return name;
    },
    putAt,
    get(name) {
      const file = files.get(name);
      const ttl = opts.ttlMs();
      if (file && ttl !== null && Date.now() - file.storedAt > ttl) {
        files.delete(name);
        total -= file.data.length;
        return undefined;
      }
      return file;
    },
    clear() {
      files.clear();
      total = 0;
    },
  };
}
