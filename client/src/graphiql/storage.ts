// GraphiQL's history plugin stores every run's headers in localStorage, whatever shouldPersistHeaders says. This
// storage keeps credentials out of it: on the way in, an Authorization value becomes a placeholder; on the way out,
// the placeholder becomes this page load's session token, so a restored entry runs as the signed-in user.
const HISTORY_KEYS = new Set(['graphiql:queries', 'graphiql:favorites']);
const AUTHORIZATION = /("authorization"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
export const SESSION_PLACEHOLDER = 'Bearer <session token>';

/** Applies `fix` to the headers of every entry of a stored history list; anything unexpected is left alone. */
function mapHeaders(value: string, fix: (headers: string) => string): string {
  try {
    const lists = JSON.parse(value) as Record<string, unknown>;
    for (const list of Object.values(lists)) {
      if (!Array.isArray(list)) continue;
      for (const item of list as { headers?: unknown }[]) {
        if (typeof item.headers === 'string') item.headers = fix(item.headers);
      }
    }
    return JSON.stringify(lists);
  } catch {
    return value;
  }
}

export function redactHistory(value: string): string {
  return mapHeaders(value, (h) => h.replace(AUTHORIZATION, `$1${JSON.stringify(SESSION_PLACEHOLDER)}`));
}

export function restoreHistory(value: string, token: string | null): string {
  if (!token) return value;
  return mapHeaders(value, (h) => h.replaceAll(JSON.stringify(SESSION_PLACEHOLDER), JSON.stringify(`Bearer ${token}`)));
}

/** GraphiQL's `storage`: localStorage under its "graphiql:" keys, history without credentials. */
export function graphiqlStorage(token: string | null) {
  const keys = () => Object.keys(localStorage).filter((k) => k.startsWith('graphiql:'));
  return {
    getItem(key: string): string | null {
      const value = localStorage.getItem(key);
      return value !== null && HISTORY_KEYS.has(key) ? restoreHistory(value, token) : value;
    },
    setItem(key: string, value: string): void {
      localStorage.setItem(key, HISTORY_KEYS.has(key) ? redactHistory(value) : value);
    },
    removeItem(key: string): void {
      localStorage.removeItem(key);
    },
    clear(): void {
      for (const k of keys()) localStorage.removeItem(k);
    },
    get length(): number {
      return keys().length;
    },
  };
}
