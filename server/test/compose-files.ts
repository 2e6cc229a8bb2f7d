// docker-compose.yml (interpolated as compose does), the Dockerfile's final stage and the env variables
// `loadConfig` reads, parsed once for the static checks in compose.test.ts and dockerfile.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');
export const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

export type Env = Record<string, string>;
export interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

// ---------------------------------------------------------------------------------------------
// Compose interpolation (https://docs.docker.com/reference/compose-file/interpolation/)
// ---------------------------------------------------------------------------------------------

export const BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([^${}]*))?\}/;

/** Problems in one scalar: every `$` must start `$$` (a literal `$`) or a well-formed `${NAME...}`. */
export function interpolationProblems(value: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    if (value[i + 1] === '$') {
      i++;
      continue;
    }
    const m = BRACED.exec(value.slice(i));
    if (!m) {
      problems.push(
        `${JSON.stringify(value)}: "${value.slice(i, i + 20)}" is not ` +
          '$$ or ${NAME}, ${NAME:-default}, ${NAME:?error}, ${NAME:+alt}',
      );
      continue;
    }
    i += m[0].length - 1;
  }
  return problems;
}

/** What `docker compose config` yields in a shell where none of the variables is set. */
export function interpolate(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const m = value[i] === '$' ? BRACED.exec(value.slice(i)) : null;
    if (!m) {
      out += value[i]!;
      continue;
    }
    const [whole, , op, arg = ''] = m;
    out += op === ':-' || op === '-' ? arg : '';
    i += whole.length - 1;
  }
  return out;
}

export function scalars(node: unknown, path: string, visit: (value: string, path: string) => void): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) node.forEach((n, i) => scalars(n, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) scalars(v, path ? `${path}.${k}` : k, visit);
}

export function resolveAll<T>(node: T): T {
  if (typeof node === 'string') return interpolate(node) as T;
  if (Array.isArray(node)) return node.map(resolveAll) as T;
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveAll(v)])) as T;
  return node;
}

// ---------------------------------------------------------------------------------------------
// The parsed files
// ---------------------------------------------------------------------------------------------

export const rawCompose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
export const compose = resolveAll(rawCompose);
export const services = compose.services;

export function envOf(service: Service): Env {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => {
        const eq = line.indexOf('=');
        return eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

export function dependsOn(service: Service): Record<string, string> {
  const d = service.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([name, v]) => [name, v.condition ?? 'service_started']));
}

export const words = (v: string | string[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);
export const script = (s: Service) => `${words(s.entrypoint)} ${words(s.command)}`;

/** Container port -> published host port. */
export function published(service: Service): Map<number, number> {
  const map = new Map<number, number>();
  for (const p of service.ports ?? []) {
    if (typeof p === 'object') {
      map.set(p.target, Number(p.published ?? p.target));
      continue;
    }
    const parts = String(p)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = Number(parts.at(-1));
    map.set(target, parts.length > 1 ? Number(parts.at(-2)) : target);
  }
  return map;
}

export function findService(what: string, test: (name: string, s: Service) => boolean): [string, Service] {
  const found = Object.entries(services).find(([name, s]) => test(name, s));
  if (!found) throw new Error(`docker-compose.yml has no ${what} service`);
  return found;
}

export const imageIs = (s: Service, re: RegExp) => re.test(s.image ?? '');
export const [pgName, pgService] = findService('postgres', (_, s) =>
  imageIs(s, /^(docker\.io\/)?(library\/)?postgres(:|$)/),
);
export const [minioName, minioService] = findService('minio', (_, s) => imageIs(s, /(^|\/)minio\/minio(:|$)/));
export const [redisName, redisService] = findService('redis', (_, s) =>
  imageIs(s, /^(docker\.io\/)?(library\/)?redis(:|$)/),
);
export const [initName, initService] = findService('bucket-creation (`mc mb`)', (_, s) =>
  /\bmc\s+mb\b/.test(script(s)),
);
export const [, appService] = findService('app (build: .)', (_, s) => s.build !== undefined);
export const appEnv = envOf(appService);

// Dockerfile: instructions of the final stage, continuation lines joined.
export const dockerfilePath = (() => {
  const b = appService.build;
  const context = typeof b === 'string' ? b : (b?.context ?? '.');
  const file = typeof b === 'string' ? 'Dockerfile' : (b?.dockerfile ?? 'Dockerfile');
  return { context, path: resolve(ROOT, context, file) };
})();
export const instructions = existsSync(dockerfilePath.path)
  ? readFileSync(dockerfilePath.path, 'utf8')
      .replace(/\\\r?\n/g, ' ')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [, op = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(l) ?? [];
        return { op: op.toUpperCase(), rest };
      })
  : [];
export const lastFrom = instructions.map((i) => i.op).lastIndexOf('FROM');
export const finalStage = instructions.slice(lastFrom);

export function dockerEnv(stage: typeof instructions): Env {
  const env: Env = {};
  for (const { op, rest } of stage) {
    if (op !== 'ENV') continue;
    if (!rest.includes('=')) {
      const [k = '', ...v] = rest.split(/\s+/);
      env[k] = v.join(' ');
      continue;
    }
    for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g))
      env[m[1]!] = m[2]!.replace(/^["']|["']$/g, '');
  }
  return env;
}

/** Keys of the zod object in config.ts: the env variables `loadConfig` knows. */
export const configKeys = (() => {
  const src = read('server/src/config.ts');
  const body = /z\.object\(\{([\s\S]*?)\n\}\)/.exec(src)?.[1] ?? '';
  return new Set([...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]!));
})();
/** Read by the fal integration rather than `loadConfig` (empty = the embedded fal emulator). */
export const EXTERNAL_KEYS = new Set(['FAL_KEY', 'FAL_JWKS_URL']);

// ---------------------------------------------------------------------------------------------
