// Our half of webhook authentication. fal's signature proves fal sent a delivery, not that it is about
// one of OUR requests (fal signs every account's webhooks with the same keys), so the row named in the
// webhook URL is signed by us: an HMAC-SHA256 of the target, with a secret only this deployment knows.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import type { Logger } from '../log.ts';

export const WEBHOOK_SECRET_FILE = 'webhook-secret';

const mac = (secret: string, target: string) =>
  createHmac('sha256', secret).update(`fal-webhook-target\n${target}`).digest('base64url');

/** The query string naming `target` in our webhook URL, signed. */
export function signedTargetQuery(secret: string, target: string): string {
  return new URLSearchParams({ target, sig: mac(secret, target) }).toString();
}

export function isSignedTarget(secret: string, target: string | null, sig: string | null): boolean {
  if (!target || !sig) return false;
  const expected = Buffer.from(mac(secret, target));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const unusable = (file: string, e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  return new ConfigError(
    `Cannot keep the webhook signing secret in ${file} (${err.code ?? err.message}): ` +
      'set WEBHOOK_SECRET (32+ characters) or make DATA_DIR writable.',
  );
};

/**
 * WEBHOOK_SECRET when set. Otherwise one generated on first start and kept in `<DATA_DIR>/webhook-secret`
 * (mode 0600), so webhooks of requests submitted before a restart still find their rows. Under
 * NODE_ENV=test a random secret per process, so tests leave no file behind. Instances behind one
 * PUBLIC_URL must share the secret: set WEBHOOK_SECRET (a delivery reaching an instance with another
 * secret is still applied by its request id, or by the reconciler).
 */
export async function loadWebhookSecret(
  config: Pick<Config, 'env' | 'dataDir' | 'webhookSecret'>,
  log: Logger,
): Promise<string> {
  if (config.webhookSecret) return config.webhookSecret;
  if (config.env === 'test') return randomBytes(32).toString('base64url');
  const file = join(config.dataDir, WEBHOOK_SECRET_FILE);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(file, e);
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (e) {
    throw unusable(file, e);
  }
  log.info(
    { event: 'webhook.secret_created', file },
    'webhook signing secret generated (set WEBHOOK_SECRET to share one between instances)',
  );
  return secret;
}
