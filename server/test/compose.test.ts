// Static checks of the production wiring: docker-compose.yml, the Dockerfile and the env variables
// `loadConfig` reads. No Docker engine is needed: the files are parsed and cross-checked, so a renamed
// service, a bucket typo or an env variable the app does not know fails here rather than at `compose up`.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import {
  EXTERNAL_KEYS,
  appEnv,
  appService,
  configKeys,
  dependsOn,
  dockerEnv,
  dockerfilePath,
  envOf,
  finalStage,
  initName,
  initService,
  interpolationProblems,
  minioName,
  minioService,
  pgName,
  pgService,
  published,
  rawCompose,
  redisName,
  redisService,
  scalars,
  script,
  words,
} from './compose-files.ts';

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
