// Schema-driven fuzz of the whole API (issue 10): the test introspects the running server and derives
// its targets from the schema — every mutation, every query and subscription field with arguments, and
// every field with arguments reachable from a query root (connections of User, Project…) — and the
// leaves to attack from the argument types. A field, argument or input field added tomorrow is probed
// by the next run without editing this file; only a new *kind* of scalar would want new hostile values
// (until then it gets the String ones).
//
// Each probe replaces ONE leaf of a valid-looking baseline (fixture ids where the type is an ID) with a
// hostile value, sent as variables over HTTP (subscriptions over graphql-ws), as the fixtures' owner,
// another user or anonymous. Every probe must give: no 5xx, no INTERNAL_SERVER_ERROR, no internal
// detail in any message; when its answer is an error (a top-level error or an Error member of a result
// union), no change in any application table (whichever the migrations created) nor a fal submission —
// a successful probe is a legitimate change (a long name is a valid rename); a String with a control
// character or a lone surrogate is never accepted; and no one but the owner gets the owner's rows.
// The fixtures, transport, verdicts and probe loop live in fuzz/.
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, isInterfaceType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.ts';
import { createFixtures, type Identity, realCursorsOf } from './fuzz/fixtures.ts';
import { createProber, type Finding, type Probe } from './fuzz/prober.ts';
import { findTargets, nodeTypes, type Target } from './fuzz/schema-targets.ts';
import { leavesOf } from './fuzz/schema-values.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RANDOM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

let app: TestApp;
let targets: Target[];
let nodeNames: string[];
/** One real cursor of each connection (by target name). */
let realCursors: Map<string, string[]>;
let owner: Identity;
let other: Identity;
const anonymous: Identity = { name: 'anonymous' };
let prober: ReturnType<typeof createProber>;

beforeAll(async () => {
  app = await startTestApp({
    GENERATION_MAX_IN_FLIGHT: '100000',
    GENERATION_MAX_PER_DAY: '100000',
    // No background writes while probing: nothing is old enough to reconcile, the cleanup cron is far away.
    RECONCILE_AFTER_SECONDS: '86400',
    CLEANUP_CRON: '0 0 1 1 *',
  });
  app.emulator.configure({ latencyMs: 50, videoHeight: 64, videoFps: 4 });
  const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(app.config.limits.bodyLimit)!;
  const bodyLimitBytes = Math.floor(
    Number(amount) * 1024 ** ['b', 'kb', 'mb', 'gb'].indexOf((unit ?? 'b').toLowerCase()),
  );
  const introspection = await app.gql<IntrospectionQuery>(getIntrospectionQuery());
  const schema = buildClientSchema(introspection.data);
  nodeNames = nodeTypes(schema);
  const errorInterface = schema.getType('Error');
  const errorTypes = new Set(
    errorInterface && isInterfaceType(errorInterface) ? schema.getPossibleTypes(errorInterface).map((t) => t.name) : [],
  );
  const fixtures = await createFixtures(app);
  ({ owner, other } = fixtures);

  // Real cursors of every connection, to be sent to the other ones.
  targets = findTargets(schema);
  realCursors = await realCursorsOf(app, targets, fixtures.fx, nodeNames, owner.token);
  prober = createProber({ app, bodyLimitBytes, nodeNames, errorTypes, ...fixtures, realCursors });

  // From here on fal never answers: a probe that starts a generation leaves it PENDING, so nothing
  // changes the tables behind the probes' backs.
  app.emulator.configure({ latencyMs: 3_600_000 });
}, 180_000);
afterAll(() => app.stop());

describe('schema-driven fuzz', () => {
  it(
    'no 5xx, no INTERNAL_SERVER_ERROR, no internal detail, nothing written by a refused probe',
    { timeout: 600_000 },
    async () => {
      const started = Date.now();
      const { runProbes, hostilesFor, findings, probed, accepted, oversized } = prober;
      const leaves = targets.flatMap((t) => leavesOf(t, nodeNames));
      expect(targets.length).toBeGreaterThan(0);

      // Deterministically: every leaf of every target with every core value of its kind, signed in (as
      // the owner of the fixtures); anonymous with every other one, and a benign value also as another
      // user, to whom the owner's rows in the baseline must stay invisible (random draws mix identities further).
      const planned: Probe[] = [];
      for (const leaf of leaves) {
        const core = hostilesFor(leaf).filter((h) => h.core);
        for (const [i, hostile] of core.entries()) {
          const who = hostile.benign ? [owner, other, anonymous] : i % 2 === 0 ? [owner, anonymous] : [owner];
          for (const w of who) planned.push({ leaf, hostile, who: w });
        }
      }
      await runProbes(planned);
      const deterministic = prober.probes;

      // Then fast-check draws (leaf, any hostile value of its kind, identity) with a fixed seed.
      const draws = fc.sample(
        fc.record({ leaf: fc.constantFrom(...leaves), pick: fc.nat(), who: fc.constantFrom(owner, other, anonymous) }),
        { seed: SEED, numRuns: RANDOM_RUNS },
      );
      await runProbes(
        draws.map(({ leaf, pick, who }) => {
          const pool = hostilesFor(leaf);
          return { leaf, hostile: pool[pick % pool.length]!, who };
        }),
      );

      const byKind = new Map<string, number>();
      for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
      // One line per (kind, target, leaf): the values and identities that produced it, and the first answer.
      const distinct = new Map<string, { first: Finding; values: Set<string>; who: Set<string> }>();
      for (const f of findings) {
        const key = `${f.kind}|${f.target}|${f.leaf}`;
        const d = distinct.get(key) ?? { first: f, values: new Set(), who: new Set() };
        d.values.add(f.value);
        d.who.add(f.identity);
        distinct.set(key, d);
      }
      console.log(
        [
          `fuzz: ${targets.length} targets, ${leaves.length} leaves, ${prober.probes} probes ` +
            `(${deterministic} deterministic + ${prober.probes - deterministic} fast-check, seed ${SEED}; ` +
            `real cursors of ${realCursors.size} connections sent to the others) ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
            `(fingerprints ${(prober.fingerprintMs / 1000).toFixed(1)} s)`,
          'fuzz: targets that refused every probe ' +
            `(expected for deletions; else the baseline may be too weak to reach deep): ${
              targets
                .filter((t) => !accepted.has(t.name))
                .map((t) => t.name)
                .join(', ') || 'none'
            }`,
          `fuzz: ${findings.length} findings` +
            (findings.length ? ': ' + [...byKind].map(([k, n]) => `${k} ×${n}`).join(', ') : ''),
          ...[...distinct.values()].map(
            ({ first: f, values, who }) =>
              `  - ${f.kind} | ${f.target} ${f.leaf} = ${[...values].join(' / ')} ` +
              `(${[...who].join(', ')}): ${f.detail}`,
          ),
        ].join('\n'),
      );
      expect(targets.filter((t) => !probed.has(t.name)).map((t) => t.name)).toEqual([]);
      expect(oversized).toEqual([]);
      expect(findings.map((f) => `${f.kind} | ${f.target} ${f.leaf} = ${f.value} (${f.identity})`)).toEqual([]);
    },
  );
});
