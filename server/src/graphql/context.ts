import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { API_KEY_PREFIX, sha256 } from '../auth/crypto.ts';
import type { Deps } from '../app/deps.ts';
import type { Actor } from '../domain/actor.ts';
import { sqlTimestamp } from '../db.ts';
import { Prisma } from '../generated/prisma/client.ts';

export interface Viewer {
  id: string;
  role: 'USER' | 'ADMIN';
}

export interface Context {
  requestId: string;
  viewer: Viewer | null;
  apiKey: { id: string; name: string } | null;
  /** Hash of the session token the request came with, so signOut ends that session only. */
  sessionTokenHash: string | null;
  /** Where the request came from (see clientAddressOf), for the sign-in and sign-up limits. */
  clientAddress: string;
  /** The app's services, the same for every request: what use cases are given (app/deps.ts). */
  deps: Deps;
}

/** The request's actor, for use cases (domain/actor.ts). */
export const actorOf = (ctx: Pick<Context, 'viewer' | 'apiKey'>): Actor =>
  ctx.viewer ? { kind: 'user', ...ctx.viewer } : ctx.apiKey ? { kind: 'apiKey', ...ctx.apiKey } : { kind: 'anonymous' };

function bearer(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m?.[1] ?? null;
}

export function unauthenticated(message = 'The access token is missing, invalid or expired.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * One context builder for HTTP (Authorization header) and WebSocket (connectionParams.authorization).
 * A token that is present but wrong is an error, never silently anonymous.
 */
export async function buildContext(
  deps: Deps,
  authorization: unknown,
  { requestId, clientAddress }: { requestId?: string; clientAddress?: string } = {},
): Promise<Context> {
  const ctx: Context = {
    requestId: requestId ?? randomUUID(),
    viewer: null,
    apiKey: null,
    sessionTokenHash: null,
    clientAddress: clientAddress ?? 'unknown',
    deps,
  };
  const token = bearer(authorization);
  if (authorization !== undefined && authorization !== null && authorization !== '' && !token)
    throw unauthenticated('Authorization must be "Bearer <token>".');
  if (!token) return ctx;
  const { db } = deps;
  const tokenHash = sha256(token);
  if (token.startsWith(API_KEY_PREFIX)) {
    const key = await db.apiKey.findUnique({
      where: { keyHash: tokenHash },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!key || key.revokedAt) throw unauthenticated('This API key is unknown or revoked.');
    ctx.apiKey = { id: key.id, name: key.name };
    return ctx;
  }
  // One statement (the session and its user): it runs for every request and WebSocket connection.
  const [session] = await deps.sql<Viewer>(Prisma.sql`
    SELECT u."id", u."role"::text AS "role"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."tokenHash" = ${tokenHash} AND s."expiresAt" > ${sqlTimestamp()}`);
  if (!session) throw unauthenticated();
  ctx.viewer = { id: session.id, role: session.role };
  ctx.sessionTokenHash = tokenHash;
  return ctx;
}
