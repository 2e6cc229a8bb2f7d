// No module-level mutable state in server/src: everything an app changes lives in what createApp builds
// (app/create-app.ts), so two apps in one process share nothing. Read from the sources' syntax trees:
//   - no top-level `let` or `var` (exported or not);
//   - no top-level `new Map/Set/WeakMap/WeakSet` that its module ever changes (`.set/.add/.delete/.clear`)
//     or exports as a writable collection: constant sets of names are fine;
//   - no other top-level `new X(...)` outside the short list of constants below.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

/** file: names, each with why it is not an app's state. Keep it short. */
const ALLOWED: Record<string, Record<string, string>> = {
  'log.ts': { scope: 'AsyncLocalStorage: a constant key; each async context has its own store (the request id)' },
  'db/engine.ts': { loaded: "once-guard for Prisma's schema-engine WebAssembly, bound process-wide into its module" },
  'graphql/builder.ts': { builder: 'the schema definition, completed at import (schema/index.ts); no app writes it' },
  'generation/usage.ts': { EPOCH: 'a constant date, never set' },
  'domain/generations/registry.ts': { TARGET: 'a RegExp without the g or y flag: exec keeps no lastIndex' },
  'http/limits.ts': {
    measured: "memo of a pure function, keyed weakly by documents that each app's own Apollo parses: none shared",
  },
  'graphql/schema/catalog.ts': {
    columnsOfNode: 'memo of a pure function (the columns a selection reads), keyed weakly by field nodes as above',
  },
};

const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `new X(...)` anywhere in `node` outside a function or class body. */
function newsOutsideFunctions(node: ts.Node): ts.NewExpression[] {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return [];
  const own = ts.isNewExpression(node) ? [node] : [];
  return [...own, ...node.getChildren().flatMap(newsOutsideFunctions)];
}

const isExported = (s: ts.VariableStatement) => !!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** What keeps state in the module `name` (its path under server/src) of source `text`. */
function problemsOf(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const allowed = ALLOWED[name] ?? {};
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const mutable = !(statement.declarationList.flags & ts.NodeFlags.Const);
    for (const d of statement.declarationList.declarations) {
      const id = d.name.getText(source);
      if (id in allowed) continue;
      const where = `${name}: ${id}`;
      if (mutable) {
        problems.push(`${where}: top-level ${statement.declarationList.flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
        continue;
      }
      for (const created of d.initializer ? newsOutsideFunctions(d.initializer) : []) {
        const what = created.expression.getText(source);
        if (!COLLECTIONS.has(what)) {
          problems.push(`${where}: top-level new ${what}(...)`);
          continue;
        }
        const changed = new RegExp(`(?<![\\w.])${id}\\s*\\.\\s*(set|add|delete|clear)\\s*\\(`).test(text);
        const readonly = !!d.type && /^Readonly(Set|Map)</.test(d.type.getText(source));
        if (changed) problems.push(`${where}: a ${what} its module changes`);
        else if (isExported(statement) && !readonly) problems.push(`${where}: an exported, writable ${what}`);
      }
    }
  }
  return problems;
}

describe('server/src', () => {
  it('keeps no module-level mutable state', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => problemsOf(relative(SRC, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check finds what it looks for', () => {
    const found = problemsOf(
      'probe.ts',
      [
        'export let db: unknown;',
        'let ttl = 1;',
        'const known = new Map<string, boolean>();',
        'export const names = new Set<string>();',
        'const cache = new TtlCache();',
        'const NAMES = new Set(["a", "b"]);',
        'export const FROZEN: ReadonlySet<string> = Object.freeze(new Set(["a"]));',
        'function f() { const local = new Map(); local.set(1, 2); let n = 0; return n; }',
        'export function remember(k: string) { known.set(k, true); }',
      ].join('\n'),
    );
    expect(found).toEqual([
      'probe.ts: db: top-level let',
      'probe.ts: ttl: top-level let',
      'probe.ts: known: a Map its module changes',
      'probe.ts: names: an exported, writable Set',
      'probe.ts: cache: top-level new TtlCache(...)',
    ]);
    // Each allowance still names something: a stale one would say what is no longer true.
    for (const [file, names] of Object.entries(ALLOWED)) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const id of Object.keys(names)) {
        expect(text, `${file}: ${id}`).toMatch(new RegExp(`^(export )?(const|let) ${id}\\b`, 'm'));
      }
    }
  });
});
