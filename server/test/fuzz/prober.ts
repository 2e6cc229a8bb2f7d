// The probe loop: each probe sent, its answer judged (verdict.ts), and the application tables fingerprinted
// around it to catch a refused probe that wrote anyway. Mutations go one at a time, reads a few at once.
import { getNamedType, isEnumType, isListType, isNonNullType } from 'graphql';
import { newSecret, SESSION_PREFIX, sha256 } from '../../src/auth/crypto.ts';
import { dbId, type TestApp } from '../helpers.ts';
import type { Identity } from './fixtures.ts';
import { type Hostile, Huge, hostileValues } from './hostile.ts';
import type { Leaf } from './schema-targets.ts';
import { baseline, type Fixtures, variablesWith } from './schema-values.ts';
import { type Outcome, sendHttp, sendWs } from './transport.ts';
import {
  changedKeys,
  describeLeaf,
  hasForbiddenChars,
  isErrorAnswer,
  messagesIn,
  privateIdsIn,
  reached,
  resolvedNonNull,
  short,
  UNMASKED,
} from './verdict.ts';

const READ_BATCH = 6;

// What the progress poller writes on its own (when it last asked fal, and fal's answer) is not a probe's doing.
const rowOf = (table: string) =>
  table === 'GenerationProgress' ? `(x.kind, x."targetId", x."falRequestId", x."cancelRequestedAt")` : 'x';

export interface Finding {
  kind: string;
  target: string;
  identity: string;
  leaf: string;
  value: string;
  detail: string;
}

export interface Probe {
  leaf: Leaf;
  hostile: Hostile;
  who: Identity;
}

export interface ProbeContext {
  app: TestApp;
  bodyLimitBytes: number;
  nodeNames: string[];
  /** Names of the types implementing the Error interface. */
  errorTypes: Set<string>;
  fx: Fixtures;
  foreign: Map<string, string[]>;
  owner: Identity;
  /** One real cursor of each connection (by target name). */
  realCursors: Map<string, string[]>;
}

export function createProber(ctx: ProbeContext) {
  const { app, bodyLimitBytes, nodeNames, errorTypes, fx, foreign, owner, realCursors } = ctx;
  let probes = 0;
  let lastFingerprint: Record<string, string> | null = null;
  let fingerprintMs = 0;
  const findings: Finding[] = [];
  const probed = new Set<string>();
  const accepted = new Map<string, number>();
  /** Huge-string probes refused for their size: they would test the body limit, not the field. */
  const oversized: string[] = [];

  /**
   * A digest of every application table (whatever tables the migrations created) and of the requests to fal
   * (the progress poller's status reads aside).
   */
  async function fingerprint(): Promise<Record<string, string>> {
    const t0 = Date.now();
    const tables = (
      await app.sql<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
          ORDER BY 1`,
      )
    ).map((r) => r.t);
    const rows = await app.sql<{ t: string; d: string }>(
      tables
        .map(
          (t) =>
            `SELECT '${t}' AS t,
                count(*) || ':' || coalesce(md5(string_agg(${rowOf(t)}::text, '|' ORDER BY x::text)), '') AS d
              FROM "${t}" x`,
        )
        .join(' UNION ALL '),
    );
    const out: Record<string, string> = Object.fromEntries(rows.map((r) => [r.t, r.d]));
    out['fal submissions'] = String(app.emulator.requests.filter((r) => !r.path.endsWith('/status')).length);
    fingerprintMs += Date.now() - t0;
    return out;
  }

  async function send({ leaf, hostile, who }: Probe): Promise<Outcome> {
    const variables = variablesWith(leaf, hostile.value, fx, nodeNames);
    const { operation, document } = leaf.target;
    const outcome =
      operation === 'subscription'
        ? await sendWs(app, bodyLimitBytes, document, variables, who.token)
        : await sendHttp(app, bodyLimitBytes, document, variables, who.token);
    return { ...outcome, variables };
  }

  /** Records the findings of one answer; true when the probe was not refused (a legitimate change, if any). */
  function check({ leaf, hostile, who }: Probe, outcome: Outcome, changed: string[]): boolean {
    const target = leaf.target;
    probes++;
    probed.add(target.name);
    const note = (kind: string, detail: string) =>
      findings.push({
        kind,
        target: target.name,
        identity: who.name,
        leaf: describeLeaf(leaf),
        value: hostile.label,
        detail: short(detail),
      });

    if (hostile.value instanceof Huge && outcome.status === 413) oversized.push(`${target.name} ${describeLeaf(leaf)}`);
    if (outcome.transport) note('transport failure', outcome.transport);
    if (outcome.status >= 500) note('5xx', `HTTP ${outcome.status} ${JSON.stringify(outcome.body)}`);
    const errors: any[] = Array.isArray(outcome.body?.errors) ? outcome.body.errors : [];
    for (const e of errors)
      if (e?.extensions?.code === 'INTERNAL_SERVER_ERROR')
        note('INTERNAL_SERVER_ERROR', `${e.message} at ${JSON.stringify(e.path ?? [])}`);
    for (const m of messagesIn(outcome.body)) {
      const leaks = UNMASKED.filter(([, re]) => re.test(m)).map(([what]) => what);
      if (leaks.length) note(`unmasked (${leaks.join(', ')})`, m);
    }
    for (const e of errors)
      if (e?.extensions?.stacktrace || e?.extensions?.exception)
        note('unmasked (stacktrace extension)', JSON.stringify(e.extensions).slice(0, 200));

    const refused = isErrorAnswer(outcome.body, errorTypes) || outcome.status >= 400 || !!outcome.transport;
    // The boundary's contract (issue 10): a String with NUL, another C0 control but tab/LF/CR, or a lone
    // surrogate is refused — wherever the field is resolved. (IDs may instead behave as a missing row.)
    if (
      !refused &&
      getNamedType(leaf.type).name === 'String' &&
      hasForbiddenChars(hostile.value) &&
      reached(outcome.body, target.fieldPath)
    ) {
      note('accepted control character or lone surrogate', JSON.stringify(outcome.body).slice(0, 200));
    }
    if (process.env.FUZZ_TRACE && target.name.includes(process.env.FUZZ_TRACE))
      console.log(
        `trace ${target.name} ${describeLeaf(leaf)} = ${hostile.label} (${who.name}): ` +
          short(JSON.stringify(outcome.body), 400),
      );
    // The baseline names the owner's rows: anyone else must get null, NotFound or a refusal, never the row.
    if (
      !refused &&
      who !== owner &&
      reached(outcome.body, target.fieldPath) &&
      resolvedNonNull(outcome.body, target.fieldPath)
    ) {
      const foreignIds = privateIdsIn(fx, outcome.variables);
      if (foreignIds.length)
        note(
          "another user's row read or changed",
          `ids ${foreignIds.map((i) => Buffer.from(i, 'base64').toString().split(':')[0]).join(', ')}; ` +
            `answer ${JSON.stringify(outcome.body).slice(0, 200)}`,
        );
    }
    if (!refused) accepted.set(target.name, (accepted.get(target.name) ?? 0) + 1);
    if (refused && changed.length)
      note('wrote although refused', `changed: ${changed.join(', ')}; answer ${JSON.stringify(outcome.body)}`);
    return !refused;
  }

  async function probeAlone(p: Probe): Promise<void> {
    const before = lastFingerprint ?? (await fingerprint());
    const outcome = await send(p);
    const after = await fingerprint();
    lastFingerprint = after;
    if (check(p, outcome, changedKeys(before, after)) && p.leaf.target.operation === 'mutation') {
      await afterSuccess(p.who);
      lastFingerprint = null;
    }
  }

  /**
   * Mutations one at a time between two fingerprints; queries and subscriptions, which write nothing
   * even when they succeed, a few at once between two fingerprints — and one at a time again if
   * something changed, to say which one wrote.
   */
  async function runProbes(list: Probe[]): Promise<void> {
    for (let i = 0; i < list.length;) {
      if (list[i]!.leaf.target.operation === 'mutation') {
        await probeAlone(list[i++]!);
        continue;
      }
      const chunk: Probe[] = [];
      while (chunk.length < READ_BATCH && i < list.length && list[i]!.leaf.target.operation !== 'mutation')
        chunk.push(list[i++]!);
      const before = lastFingerprint ?? (await fingerprint());
      const outcomes = await Promise.all(chunk.map(send));
      const after = await fingerprint();
      lastFingerprint = after;
      const changed = changedKeys(before, after);
      if (changed.length && chunk.length > 1) for (const p of chunk) await probeAlone(p);
      else chunk.forEach((p, k) => check(p, outcomes[k]!, changed));
    }
  }

  /** A successful mutation may legitimately have ended the session (signOut) or touched fixtures: restore or say so. */
  async function afterSuccess(who: Identity): Promise<void> {
    if (who.token) {
      // A probe may have ended the session: the token is then refused and there is no data at all.
      const me = await app.gql<{ me: { id: string } | null } | undefined>(`{ me { id } }`, {}, who.token);
      if (!me.data?.me) {
        const token = newSecret(SESSION_PREFIX);
        await app.prisma.session.create({
          data: { tokenHash: sha256(token), userId: who.userId!, expiresAt: new Date(Date.now() + 86_400_000) },
        });
        who.token = token;
      }
    }
    for (const [type, ids] of fx.live) {
      for (const { id } of ids) {
        const rows = await app.sql(`SELECT 1 FROM "${type}" WHERE id = $1`, [dbId(id)]).catch(() => [1]);
        if (!rows.length)
          throw new Error(
            `fixture ${type} ${id} vanished: a probe deleted a row it does not own ` +
              'or a baseline chose a live id of its own type',
          );
      }
    }
  }

  function hostilesFor(leaf: Leaf): Hostile[] {
    const inner = isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type;
    return hostileValues(leaf, {
      foreignCursors: [...realCursors]
        .filter(([name]) => name !== leaf.target.name)
        .flatMap(([name, cursors]) => cursors.map((value) => ({ label: `cursor of ${name}`, value, core: true }))),
      nodeNames,
      live: fx.live,
      deleted: fx.deleted,
      foreign,
      baselineItem: () =>
        isListType(inner)
          ? baseline(inner.ofType, leaf.fieldName, `${leaf.arg.context} ${leaf.fieldName}`, fx, nodeNames)
          : null,
      enumValues: isEnumType(inner) ? inner.getValues().map((v) => v.value as string) : [],
    });
  }

  return {
    runProbes,
    hostilesFor,
    findings,
    /** Targets probed at least once, and how many probes of each were not refused. */
    probed,
    accepted,
    /** Huge-string probes refused for their size: they would test the body limit, not the field. */
    oversized,
    get probes() {
      return probes;
    },
    get fingerprintMs() {
      return fingerprintMs;
    },
  };
}
