import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import S3rver from '@20minutes/s3rver';

export interface EmbeddedS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  dataDir: string;
  stop: () => Promise<void>;
}

interface S3rverAccount {
  accessKeys: Map<string, string>;
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}

interface KoaContext {
  method: string;
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: unknown;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

/**
 * s3rver lets a request without any signature through as anonymous, and its one account has the
 * published key pair S3RVER/S3RVER: anyone who read the endpoint from a presigned URL could list the
 * bucket and read private media. So its well-known key is revoked, ours is secret, and a request that
 * is not signed at all is refused before s3rver sees it (s3rver itself refuses a wrong signature).
 */
function requireSignature(server: S3rver): void {
  const refuse: KoaMiddleware = async (ctx, next) => {
    const signed = 'authorization' in ctx.headers || 'X-Amz-Algorithm' in ctx.query || 'Signature' in ctx.query;
    // CORS preflights carry no credentials by design; s3rver answers them from the bucket's CORS rules.
    if (signed || ctx.method === 'OPTIONS') return next();
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<Error><Code>AccessDenied</Code><Message>Access Denied: sign the request</Message></Error>';
  };
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(refuse);
}

function s3rverAccount(): S3rverAccount {
  const require = createRequire(import.meta.url);
  const accountModule = require('@20minutes/s3rver/lib/models/account') as { DUMMY_ACCOUNT: S3rverAccount };
  return accountModule.DUMMY_ACCOUNT;
}

/** The embedded server's secret: given, else kept under the data directory (mode 0600) so it outlives a restart. */
async function secretFor(dataDir: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const file = resolve(dataDir, 's3-secret');
  const kept = await readFile(file, 'utf8').catch(() => '');
  if (kept.trim()) return kept.trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * An S3-compatible server in this process, objects under `dataDir/s3`. Every request but a CORS
 * preflight must carry a valid SigV4 (or V2) signature made with this server's secret.
 */
export async function startEmbeddedS3(dataDir: string, port = 0, secretKey?: string): Promise<EmbeddedS3> {
  const directory = resolve(dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const secret = await secretFor(resolve(dataDir), secretKey);
  const account = s3rverAccount();
  // s3rver keeps its accounts' keys in one registry per process: one key id per secret lets two servers coexist.
  const accessKey = `better-ads-${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;
  account.revokeAccessKey('S3RVER');
  account.createKeyPair(accessKey, secret);
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, allowMismatchedSignatures: false });
  requireSignature(server);
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey,
    secretKey: secret,
    dataDir: directory,
    stop: () => server.close(),
  };
}
