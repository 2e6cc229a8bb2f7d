// Before/after figures from one of the repo's benches, each pair measured in one sitting:
//
//   node scripts/bench-compare.mjs --baseline /path/to/old/checkout --bench catalog [--rounds 2] [--current DIR]
//
// Runs `npm run bench:<bench>` in the baseline checkout and in the current one (this script's repo unless
// --current), alternately (old, new, old, new, …) so that drifting machine load hits both sides alike, keeps each
// run's whole output in a log file, parses the figures it prints, and prints the median of each figure per side
// with the new/old ratio and the load average before and after. The BENCH_* knobs (README, Performance notes)
// pass through from the environment, e.g. BENCH_SECONDS=3 for shorter catalog rounds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BENCHES = ['catalog', 'status', 'client'];
const USAGE =
  'usage: node scripts/bench-compare.mjs --baseline DIR --bench catalog|status|client [--rounds N] [--current DIR]';

/**
 * Figures each bench prints, as [label, regular expression, which way is better].
 * Named captures: `v` is the value; `$1` in a label is the `name` capture (or the catalog summary's section). A
 * figure missing from a run (e.g. one left out by BENCH_ONLY) is shown as "–".
 */
const FIGURES = {
  catalog: [
    // Rows of the summary: "  GraphQL, computed   123.4 req/s  p50  12.3 ms  p99  35.0 ms  CPU/req: node 1.2 ms, …"
    ['$1 req/s', /^ {2}(?<name>[A-Za-z ,]+?) +(?<v>[\d.]+) req\/s/, 'higher'],
    ['$1 p50 ms', /^ {2}(?<name>[A-Za-z ,]+?) +[\d.]+ req\/s +p50 +(?<v>[\d.]+) ms/, 'lower'],
    ['$1 p99 ms', /^ {2}(?<name>[A-Za-z ,]+?) +[\d.]+ req\/s .*p99 +(?<v>[\d.]+) ms/, 'lower'],
    ['$1 node CPU ms/req', /^ {2}(?<name>[A-Za-z ,]+?) +[\d.]+ req\/s .*CPU\/req: node +(?<v>[\d.]+) ms/, 'lower'],
    ['$1 postgres CPU ms/req', /^ {2}(?<name>[A-Za-z ,]+?) +[\d.]+ req\/s .*postgres +(?<v>[\d.]+) ms/, 'lower'],
    ['GraphQL/plain throughput, $1', /GraphQL \/ plain throughput: (?<v>[\d.]+)x/, 'higher'],
    ['statements at first: 10', /first: 10 +-> (?<v>\d+) statements/, 'lower'],
    ['statements at first: 100', /first: 100 -> (?<v>\d+) statements/, 'lower'],
  ],
  status: [
    ['$1 p50 ms', /^ {2}(?<name>\S.*?\S) +p50 +(?<v>[\d.]+) ms/, 'lower'],
    ['$1 p99 ms', /^ {2}(?<name>\S.*?\S) +p50 .*p99 +(?<v>[\d.]+) ms/, 'lower'],
    ['CPU/generation app ms', /CPU per generation: app (?<v>[\d.]+) ms/, 'lower'],
    ['CPU/generation peers ms', /peers \(emulator \+ S3\) (?<v>[\d.]+) ms/, 'lower'],
    ['CPU/generation client ms', /this client (?<v>[\d.]+) ms/, 'lower'],
    ['wall s', /MB, (?<v>[\d.]+) s wall/, 'lower'],
    ['not SUCCEEDED', /s wall, (?<v>\d+) not SUCCEEDED/, 'lower'],
  ],
  client: [
    ['initial JS gzip KB', /^ {2}total +[\d.]+ KB +gzip +(?<v>[\d.]+) KB/, 'lower'],
    ['initial JS raw KB', /^ {2}total +(?<v>[\d.]+) KB/, 'lower'],
    ['first catalog page ms (median)', /first catalog page rendered.*median (?<v>\d+) ms/, 'lower'],
    ['client build s', /client built in (?<v>[\d.]+) s/, 'lower'],
  ],
};

/** label → value for one run's output. */
export function parseFigures(bench, output) {
  const out = new Map();
  // The catalog bench prints per-round rows in the format of its summary rows: only the summary counts, and its
  // throughput ratio is named by the section header above it (" as served (…):", " computed for every …:").
  let inSummary = bench !== 'catalog';
  let section = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('Summary')) inSummary = true;
    const header = /^ (as served|computed)\b/.exec(line);
    if (header) section = header[1];
    for (const [label, re] of FIGURES[bench]) {
      if (!inSummary && !label.startsWith('statements')) continue;
      const m = re.exec(line);
      if (m?.groups) out.set(label.replace('$1', m.groups.name ?? section), Number(m.groups.v));
    }
  }
  return out;
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} CPUs`;

function run(cwd, bench, logFile) {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', `bench:${bench}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', fail);
    child.once('exit', async (code, signal) => {
      await writeFile(logFile, output);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) ok({ output, seconds });
      else fail(new Error(`bench:${bench} in ${cwd} ended with ${signal ?? `code ${code}`}; output in ${logFile}`));
    });
  });
}

const fmt = (v) => (Number.isFinite(v) ? String(Math.abs(v) >= 100 ? Math.round(v) : +v.toFixed(2)) : '–');

function table(bench, runs) {
  const labels = [];
  for (const side of ['old', 'new'])
    for (const r of runs[side]) for (const k of r.keys()) if (!labels.includes(k)) labels.push(k);
  const better = (label) => {
    for (const [l, , way] of FIGURES[bench]) {
      const prefix = l.replace(/\$1.*$/, '');
      const suffix = l.includes('$1') ? l.slice(l.indexOf('$1') + 2) : '';
      if (label.startsWith(prefix) && label.endsWith(suffix)) return way;
    }
    return 'lower';
  };
  const rows = labels.map((label) => {
    const old = runs.old.map((r) => r.get(label) ?? NaN);
    const now = runs.new.map((r) => r.get(label) ?? NaN);
    const [mo, mn] = [median(old), median(now)];
    const way = better(label) === 'higher' ? 'higher is better' : 'lower is better';
    const ratioText = Number.isFinite(mn / mo) ? `${(mn / mo).toFixed(2)}x` : '–';
    return [
      label,
      fmt(mo),
      fmt(mn),
      ratioText,
      way,
      `old [${old.map(fmt).join(', ')}] new [${now.map(fmt).join(', ')}]`,
    ];
  });
  const head = ['figure', 'old (median)', 'new (median)', 'new/old', '', 'each run'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      current: { type: 'string', default: resolve(import.meta.dirname, '..') },
      bench: { type: 'string' },
      rounds: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  const rounds = Number(values.rounds);
  if (!values.baseline || !BENCHES.includes(values.bench ?? '') || !(rounds >= 1)) throw new Error(USAGE);
  const sides = { old: resolve(values.baseline), new: resolve(values.current) };
  for (const dir of Object.values(sides))
    if (!existsSync(join(dir, 'server/bench', `${values.bench}.ts`)))
      throw new Error(`${dir} has no server/bench/${values.bench}.ts (is it a checkout with node_modules?)`);
  const logs = await mkdtemp(join(tmpdir(), `bench-compare-${values.bench}-`));
  const knobs = Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_') || k === 'DATABASE_URL');
  console.log(`bench:${values.bench}, ${rounds} rounds each, alternating old/new; logs in ${logs}`);
  console.log(`  old: ${sides.old}\n  new: ${sides.new}`);
  console.log(`  knobs: ${knobs.map(([k, v]) => `${k}=${v}`).join(' ') || '(defaults)'}`);
  const before = load();
  console.log(`  before: ${before}`);
  const runs = { old: [], new: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const side of ['old', 'new']) {
      const at = load();
      const logFile = join(logs, `${round}-${side}.log`);
      try {
        const { output, seconds } = await run(sides[side], values.bench, logFile);
        const figures = parseFigures(values.bench, output);
        if (!figures.size) throw new Error(`no figures found in ${logFile}`);
        runs[side].push(figures);
        console.log(`  round ${round} ${side}: ${seconds.toFixed(0)} s, ${figures.size} figures (${at} at its start)`);
      } catch (e) {
        // One failed run (a start-up timeout on a loaded machine) leaves the other rounds usable.
        const last = (await readFile(logFile, 'utf8').catch(() => '')).trim().split('\n').slice(-2).join(' | ');
        console.log(`  round ${round} ${side}: FAILED (${e instanceof Error ? e.message : e}) ${last}`);
      }
    }
  }
  console.log(`  after: ${load()}\n`);
  if (!runs.old.length || !runs.new.length) throw new Error('no successful run on one side: nothing to compare');
  console.log(table(values.bench, runs));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
