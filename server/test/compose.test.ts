// Static checks of the production wiring: docker-compose.yml, the Dockerfile and the env variables
// `loadConfig` reads. No Docker engine is needed: the files are parsed and cross-checked, so a renamed
// service, a bucket typo or an env variable the app does not know fails here rather than at `compose up`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

type Env = Record<string, string>;
interface Service {
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

const BRACED = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([^${}]*))?\}/;

/** Problems in one scalar: every `$` must start `$$` (a literal `$`) or a well-formed `${NAME...}`. */
function interpolationProblems(value: string): string[] {
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
function interpolate(value: string): string {
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

function scalars(node: unknown, path: string, visit: (value: string, path: string) => void): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) node.forEach((n, i) => scalars(n, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) scalars(v, path ? `${path}.${k}` : k, visit);
}

function resolveAll<T>(node: T): T {
  if (typeof node === 'string') return interpolate(node) as T;
  if (Array.isArray(node)) return node.map(resolveAll) as T;
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveAll(v)])) as T;
  return node;
}

// ---------------------------------------------------------------------------------------------
// The parsed files
// ---------------------------------------------------------------------------------------------

const rawCompose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
const compose = resolveAll(rawCompose);
const services = compose.services;

function envOf(service: Service): Env {
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

function dependsOn(service: Service): Record<string, string> {
  const d = service.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([name, v]) => [name, v.condition ?? 'service_started']));
}

const words = (v: string | string[] | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);
const script = (s: Service) => `${words(s.entrypoint)} ${words(s.command)}`;

/** Container port -> published host port. */
function published(service: Service): Map<number, number> {
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

function findService(what: string, test: (name: string, s: Service) => boolean): [string, Service] {
  const found = Object.entries(services).find(([name, s]) => test(name, s));
  if (!found) throw new Error(`docker-compose.yml has no ${what} service`);
  return found;
}

const imageIs = (s: Service, re: RegExp) => re.test(s.image ?? '');
const [pgName, pgService] = findService('postgres', (_, s) => imageIs(s, /^(docker\.io\/)?(library\/)?postgres(:|$)/));
const [minioName, minioService] = findService('minio', (_, s) => imageIs(s, /(^|\/)minio\/minio(:|$)/));
const [redisName, redisService] = findService('redis', (_, s) => imageIs(s, /^(docker\.io\/)?(library\/)?redis(:|$)/));
const [initName, initService] = findService('bucket-creation (`mc mb`)', (_, s) => /\bmc\s+mb\b/.test(script(s)));
const [, appService] = findService('app (build: .)', (_, s) => s.build !== undefined);
const appEnv = envOf(appService);

// Dockerfile: instructions of the final stage, continuation lines joined.
const dockerfilePath = (() => {
  const b = appService.build;
  const context = typeof b === 'string' ? b : (b?.context ?? '.');
  const file = typeof b === 'string' ? 'Dockerfile' : (b?.dockerfile ?? 'Dockerfile');
  return { context, path: resolve(ROOT, context, file) };
})();
const instructions = existsSync(dockerfilePath.path)
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
const lastFrom = instructions.map((i) => i.op).lastIndexOf('FROM');
const finalStage = instructions.slice(lastFrom);

function dockerEnv(stage: typeof instructions): Env {
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
const configKeys = (() => {
  const src = read('server/src/config.ts');
  const body = /z\.object\(\{([\s\S]*?)\n\}\)/.exec(src)?.[1] ?? '';
  return new Set([...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]!));
})();
/** Read by the fal integration rather than `loadConfig` (empty = the embedded fal emulator). */
const EXTERNAL_KEYS = new Set(['FAL_KEY', 'FAL_JWKS_URL']);

// ---------------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('uses only well-formed ${VAR}, ${VAR:-default} interpolations (or $$ for a literal $)', () => {
    const problems: string[] = [];
    scalars(rawCompose, '', (value, path) =>
      problems.push(...interpolationProblems(value).map((p) => `${path}: ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('runs postgres with a healthcheck on its database', () => {
    const env = envOf(pgService);
    expect(env.POSTGRES_USER).toBeTruthy();
    expect(env.POSTGRES_PASSWORD).toBeTruthy();
    expect(env.POSTGRES_DB).toBeTruthy();
    expect(pgService.healthcheck?.disable).not.toBe(true);
    const test = words(pgService.healthcheck?.test);
    expect(test).toMatch(/pg_isready/);
    expect(test).toContain(env.POSTGRES_DB!);
  });

  it('runs minio with a healthcheck and creates the bucket once it is healthy', () => {
    expect(words(minioService.command)).toMatch(/\bserver\b/);
    expect(words(minioService.healthcheck?.test)).toBeTruthy();
    expect(dependsOn(initService)[minioName]).toBe('service_healthy');

    const minioEnv = envOf(minioService);
    const initEnv = envOf(initService);
    const text = script(initService);
    const alias = /\bmc\s+alias\s+set\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(text);
    expect(alias, 'minio-init sets an mc alias').not.toBeNull();
    const [, aliasName, url, user, password] = alias!;
    const unquote = (s: string) => s.replace(/^["']|["']$/g, '');
    const fromShell = (s: string) => {
      const v = unquote(s);
      const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(v);
      return m ? initEnv[m[1]!] : v;
    };
    const target = new URL(unquote(url!));
    expect(target.hostname).toBe(minioName);
    expect(target.port || '80').toBe('9000');
    expect(fromShell(user!)).toBe(minioEnv.MINIO_ROOT_USER);
    expect(fromShell(password!)).toBe(minioEnv.MINIO_ROOT_PASSWORD);

    const mb = /\bmc\s+mb\s+(?:-\S+\s+)*([^\s/"']+)\/([^\s/"']+)/.exec(text);
    expect(mb, 'minio-init runs `mc mb <alias>/<bucket>`').not.toBeNull();
    expect(mb![1]).toBe(aliasName);
    expect(mb![2]).toBe(appEnv.S3_BUCKET);
  });

  it('runs redis with a healthcheck', () => {
    expect(words(redisService.healthcheck?.test)).toMatch(/redis-cli\s+ping/);
  });

  it('builds the app from . with a Dockerfile that exists', () => {
    expect(dockerfilePath.context).toBe('.');
    expect(existsSync(dockerfilePath.path)).toBe(true);
  });

  it('starts the app after postgres and redis are healthy and the bucket exists', () => {
    const deps = dependsOn(appService);
    expect(deps[pgName]).toBe('service_healthy');
    expect(deps[initName]).toBe('service_completed_successfully');
    expect(deps[redisName]).toBe('service_healthy');
  });

  it('points DATABASE_URL at the postgres service with its user, password and database', () => {
    const pgEnv = envOf(pgService);
    const url = new URL(appEnv.DATABASE_URL!);
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe(pgName);
    expect(url.port || '5432').toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(pgEnv.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pgEnv.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${pgEnv.POSTGRES_DB}`);
  });

  it('points S3 at the minio service with its root credentials, and presigns for the published port', () => {
    const minioEnv = envOf(minioService);
    const endpoint = new URL(appEnv.S3_ENDPOINT!);
    expect(endpoint.hostname).toBe(minioName);
    expect(endpoint.port || '80').toBe('9000');
    expect(appEnv.S3_ACCESS_KEY).toBe(minioEnv.MINIO_ROOT_USER);
    expect(appEnv.S3_SECRET_KEY).toBe(minioEnv.MINIO_ROOT_PASSWORD);
    // The browser fetches presigned URLs: they must name a host port that reaches minio's API.
    const pub = new URL(appEnv.S3_PUBLIC_ENDPOINT!);
    expect(Number(pub.port || 80)).toBe(published(minioService).get(9000));
  });

  it('points REDIS_URL at the redis service', () => {
    const url = new URL(appEnv.REDIS_URL!);
    expect(url.protocol).toMatch(/^rediss?:$/);
    expect(url.hostname).toBe(redisName);
    expect(url.port || '6379').toBe('6379');
  });

  it('sets only env variables the app reads, with values loadConfig accepts', () => {
    const unknown = Object.keys(appEnv).filter((k) => !configKeys.has(k) && !EXTERNAL_KEYS.has(k));
    expect(configKeys.size).toBeGreaterThan(5);
    expect(unknown).toEqual([]);

    const { FAL_KEY: _fal, ...env } = appEnv;
    expect(() => loadConfig(env)).not.toThrow();
    const config = loadConfig({ ...dockerEnv(finalStage), ...env });
    expect(config.databaseUrl).toBe(appEnv.DATABASE_URL);
    expect(config.s3?.endpoint).toBe(appEnv.S3_ENDPOINT);
    expect(config.s3?.publicEndpoint).toBe(appEnv.S3_PUBLIC_ENDPOINT);
    expect(config.bucket).toBe(appEnv.S3_BUCKET);
    expect(config.redisUrl).toBe(appEnv.REDIS_URL);
    expect(config.env).toBe('production');
    // Published on the host where PUBLIC_URL says (webhooks and links are built from it).
    expect(Number(new URL(config.publicUrl!).port || 80)).toBe(published(appService).get(config.port));
  });
});

describe('Dockerfile', () => {
  const env = dockerEnv(finalStage);
  const appPort = () => loadConfig({ ...env, ...appEnv, FAL_KEY: '' }).port;

  it('exposes and listens on the port compose publishes', () => {
    const port = appPort();
    expect(env.NODE_ENV).toBe('production');
    const exposed = finalStage
      .filter((i) => i.op === 'EXPOSE')
      .flatMap((i) => i.rest.split(/\s+/).map((p) => Number(p.replace(/\/tcp$/, ''))));
    expect(exposed).toContain(port);
    expect(published(appService).has(port)).toBe(true);
  });

  it('runs server/src/main.ts through tsx as a non-root user, with a /healthz healthcheck', () => {
    const port = appPort();
    const cmd = finalStage.filter((i) => i.op === 'CMD').at(-1)?.rest ?? '';
    const argv = JSON.parse(cmd) as string[];
    expect(argv).toEqual(['node', '--import', 'tsx', 'server/src/main.ts']);
    expect(existsSync(resolve(ROOT, 'server/src/main.ts'))).toBe(true);
    const user = finalStage.filter((i) => i.op === 'USER').at(-1)?.rest;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const health = finalStage.filter((i) => i.op === 'HEALTHCHECK').at(-1)?.rest ?? '';
    expect(health).toContain(`:${port}/healthz`);
  });

  it('copies what the root postinstall needs, and every workspace manifest, before npm ci', () => {
    const ci = instructions.findIndex((i) => i.op === 'RUN' && /\bnpm\s+ci\b/.test(i.rest));
    expect(ci).toBeGreaterThan(0);
    const copied = instructions
      .slice(0, ci)
      .filter((i) => i.op === 'COPY' && !i.rest.includes('--from='))
      .flatMap((i) => {
        const parts = i.rest.split(/\s+/).filter((p) => !p.startsWith('--'));
        return parts.slice(0, -1).map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
      });
    const pkg = JSON.parse(read('package.json')) as { workspaces: string[]; scripts: Record<string, string> };
    const needed = ['package.json', 'package-lock.json', ...pkg.workspaces.map((w) => `${w}/package.json`)];
    for (const m of (pkg.scripts.postinstall ?? '').matchAll(/\b([\w.-]+)\/[\w./-]+/g)) needed.push(m[1]!);
    if ((pkg.scripts.postinstall ?? '').includes('prisma')) needed.push('prisma');
    for (const path of needed)
      expect(
        copied.some((c) => c === '.' || c === path || path.startsWith(`${c}/`)),
        `${path} copied before npm ci`,
      ).toBe(true);
  });

  it('keeps host installs and local data out of the build context', () => {
    const ignored = read('.dockerignore')
      .split(/\r?\n/)
      .map((l) => l.trim());
    expect(ignored.some((l) => /^(\*\*\/)?node_modules\/?$/.test(l))).toBe(true);
    expect(ignored).toContain('.data');
    expect(ignored).toContain('client/dist');
  });
});
