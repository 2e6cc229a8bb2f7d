// The signature we put on the target of our fal webhook URLs, and where its secret comes from.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { isSignedTarget, loadWebhookSecret, signedTargetQuery } from '../src/generation/webhook-target.ts';
import { createLogger } from '../src/log.ts';

const log = createLogger({ level: 'silent' });

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'webhook-secret-'));
  dirs.push(d);
  return d;
};

describe('signed webhook targets', () => {
  it('accept only the target signed with our secret', () => {
    const secret = 'x'.repeat(40);
    const q = new URLSearchParams(signedTargetQuery(secret, 'IMAGE:abc'));
    expect(q.get('target')).toBe('IMAGE:abc');
    expect(isSignedTarget(secret, 'IMAGE:abc', q.get('sig'))).toBe(true);
    expect(isSignedTarget(secret, 'IMAGE:abd', q.get('sig'))).toBe(false);
    expect(isSignedTarget(secret, 'AVATAR:abc', q.get('sig'))).toBe(false);
    expect(isSignedTarget('y'.repeat(40), 'IMAGE:abc', q.get('sig'))).toBe(false);
    expect(isSignedTarget(secret, 'IMAGE:abc', null)).toBe(false);
    expect(isSignedTarget(secret, 'IMAGE:abc', '')).toBe(false);
    expect(isSignedTarget(secret, 'IMAGE:abc', q.get('sig')!.slice(1))).toBe(false);
    expect(isSignedTarget(secret, null, q.get('sig'))).toBe(false);
  });
});

describe('loadWebhookSecret', () => {
  it('takes WEBHOOK_SECRET when set, and refuses a short one', async () => {
    const config = loadConfig({ WEBHOOK_SECRET: 's'.repeat(32), DATA_DIR: await tempDir() });
    expect(await loadWebhookSecret(config, log)).toBe('s'.repeat(32));
    expect(() => loadConfig({ WEBHOOK_SECRET: 'short' })).toThrow(/WEBHOOK_SECRET/);
  });

  it('otherwise generates one under DATA_DIR (mode 0600) and keeps it across restarts', async () => {
    const dataDir = join(await tempDir(), 'nested');
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await loadWebhookSecret(config, log);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'webhook-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
    expect(await loadWebhookSecret(config, log)).toBe(first);
    // A truncated file is replaced, not trusted.
    await writeFile(file, 'short\n');
    const replaced = await loadWebhookSecret(config, log);
    expect(replaced).not.toBe('short');
    expect(replaced.length).toBeGreaterThanOrEqual(32);
  });

  it('says what to do when DATA_DIR cannot hold it', async () => {
    const blocker = join(await tempDir(), 'a-file');
    await writeFile(blocker, '');
    await expect(loadWebhookSecret(loadConfig({ DATA_DIR: join(blocker, 'data') }), log)).rejects.toThrow(
      /Cannot keep the webhook signing secret .*set WEBHOOK_SECRET/,
    );
  });

  it('under NODE_ENV=test: a random one per call, no file', async () => {
    const dataDir = await tempDir();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    expect(await loadWebhookSecret(config, log)).not.toBe(await loadWebhookSecret(config, log));
    await expect(stat(join(dataDir, 'webhook-secret'))).rejects.toThrow(/ENOENT/);
  });
});
