// Static checks of the Dockerfile against docker-compose.yml and the env variables `loadConfig` reads: the
// port, the entry point and user, what the install step needs, and what the build context leaves out.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ROOT, appEnv, appService, dockerEnv, finalStage, instructions, published, read } from './compose-files.ts';

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
