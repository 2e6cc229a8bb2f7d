// Static checks of the Dockerfile against docker-compose.yml and the env variables `loadConfig` reads: the
// port, the entry point and user, the stages (Node 24, the built server, production dependencies only), what
// the install step needs, and what the build context leaves out.
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

  it('runs the built server (server/dist/main.js) on plain node as non-root, with a /healthz healthcheck', () => {
    const port = appPort();
    const cmd = finalStage.filter((i) => i.op === 'CMD').at(-1)?.rest ?? '';
    const argv = JSON.parse(cmd) as string[];
    expect(argv).toEqual(['node', 'server/dist/main.js']);
    // `npm run build:server` compiles server/src into server/dist file for file: main.ts becomes main.js.
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const tsconfig = /tsc\s+-p\s+(\S+)/.exec(pkg.scripts['build:server'] ?? '')?.[1];
    expect(tsconfig, 'build:server runs tsc -p <tsconfig>').toBeDefined();
    const build = JSON.parse(read(tsconfig!).replace(/^\s*\/\/.*$/gm, '')) as {
      compilerOptions: { outDir: string; rootDir: string; rewriteRelativeImportExtensions?: boolean };
    };
    const base = resolve(ROOT, tsconfig!, '..');
    expect(resolve(base, build.compilerOptions.rootDir, 'main.ts')).toBe(resolve(ROOT, 'server/src/main.ts'));
    expect(resolve(base, build.compilerOptions.outDir, 'main.js')).toBe(resolve(ROOT, argv[1]!));
    expect(build.compilerOptions.rewriteRelativeImportExtensions).toBe(true);
    expect(existsSync(resolve(ROOT, 'server/src/main.ts'))).toBe(true);
    const user = finalStage.filter((i) => i.op === 'USER').at(-1)?.rest;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const health = finalStage.filter((i) => i.op === 'HEALTHCHECK').at(-1)?.rest ?? '';
    expect(health).toContain(`:${port}/healthz`);
  });

  it('builds on Node 24 LTS, and the runtime stage has production dependencies and built files only', () => {
    const stages = instructions.reduce<{ name: string; base: string; body: typeof instructions }[]>((all, i) => {
      if (i.op === 'FROM') {
        const [base = '', , name = ''] = i.rest.split(/\s+/);
        all.push({ name: name.toLowerCase(), base, body: [] });
      } else all.at(-1)?.body.push(i);
      return all;
    }, []);
    const named = new Map(stages.map((st) => [st.name, st]));
    for (const st of stages) expect(named.has(st.base) || st.base === 'node:24-bookworm-slim', st.base).toBe(true);
    const runtime = stages.at(-1)!;
    expect(runtime.base).toBe('node:24-bookworm-slim');
    // What a stage ran, its bases' runs included.
    const runs = (st: (typeof stages)[number] | undefined): string[] =>
      st ? [...runs(named.get(st.base)), ...st.body.filter((i) => i.op === 'RUN').map((i) => i.rest)] : [];
    const copies = runtime.body
      .filter((i) => i.op === 'COPY')
      .map((i) => {
        const from = /--from=(\S+)/.exec(i.rest)?.[1];
        const [source = ''] = i.rest.split(/\s+/).filter((p) => !p.startsWith('--'));
        return { from: from ? named.get(from.toLowerCase()) : undefined, source };
      });
    expect(
      copies.every((c) => c.from),
      'the runtime stage copies from earlier stages only',
    ).toBe(true);
    for (const { from, source } of copies) {
      if (source === '/app/server/dist') expect(runs(from).some((r) => /npm run build:server\b/.test(r))).toBe(true);
      else if (source === '/app/client/dist') expect(runs(from).some((r) => /npm run build\b/.test(r))).toBe(true);
      else {
        // The rest (the whole /app, node_modules with it) from a stage whose only install left dev dependencies out.
        const installs = runs(from).filter((r) => /\bnpm\s+(ci|install|i)\b/.test(r));
        expect(installs.length, source).toBeGreaterThan(0);
        for (const r of installs) expect(r, source).toMatch(/--omit=dev\b/);
      }
    }
    expect(copies.map((c) => c.source)).toEqual(expect.arrayContaining(['/app/server/dist', '/app/client/dist']));
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.19');
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
