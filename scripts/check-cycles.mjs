// `npm run check:cycles`: fails when the relative imports of server/src form a cycle. Type-only imports
// count too (a cycle of types is still two modules that cannot be understood apart).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..', process.argv[2] ?? 'server/src');
const skip = new Set(['generated', 'node_modules']);

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skip.has(name)) yield* sources(path);
    } else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) yield path;
  }
}

const files = [...sources(root)];
const known = new Set(files);
const graph = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((f) => f.startsWith('.'))
      .map((f) => resolve(dirname(file), f))
      .filter((f) => known.has(f));
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component of more than one file (or a file importing
// itself) is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v)) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).includes(v)) cycles.push(component);
  }
}
for (const file of files) if (!state.has(file)) visit(file);

const name = (f) => relative(root, f);
if (cycles.length) {
  console.error(`Import cycles in ${relative(process.cwd(), root) || '.'}:`);
  for (const c of cycles) console.error(`  ${c.map(name).sort().join(' ⇄ ')}`);
  process.exit(1);
}
console.log(`No import cycle among ${files.length} files of ${relative(process.cwd(), root) || '.'}.`);
