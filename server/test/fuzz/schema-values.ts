// Valid-looking baselines for probe targets, and the leaves a probe replaces: an ID gets a fixture of the
// node type its name suggests (projectId → Project), other scalars a plausible value by field name.
import { type GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import type { ArgSlot, Leaf, Target } from './schema-targets.ts';

export interface Fixtures {
  /** Live ids by node type; `label` lets a context such as "updatePublicAvatar" prefer the public one. */
  live: Map<string, { id: string; label?: string }[]>;
  deleted: Map<string, string[]>;
  tagSlug: string;
  unique(): number;
}

/** projectId → Project, categoryId → TagCategory; `id` inside RenameTagInput → Tag; node(id:) → none. */
export function guessIdType(nodeNames: string[], fieldName: string, context: string): string | undefined {
  const stem = fieldName.replace(/Ids?$/, '').toLowerCase();
  if (stem && stem !== fieldName.toLowerCase()) {
    const exact = nodeNames.find((n) => n.toLowerCase() === stem);
    if (exact) return exact;
    const suffix = nodeNames.filter((n) => n.toLowerCase().endsWith(stem)).sort((a, b) => a.length - b.length)[0];
    if (suffix) return suffix;
  }
  const ctx = context.toLowerCase();
  return nodeNames.filter((n) => ctx.includes(n.toLowerCase())).sort((a, b) => b.length - a.length)[0];
}

export function leavesOf(target: Target, nodeNames: string[]): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (
    arg: ArgSlot,
    type: GraphQLInputType,
    path: (string | number)[],
    fieldName: string,
    context: string,
    depth: number,
  ) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    const idType = isScalarType(inner) && inner.name === 'ID' ? guessIdType(nodeNames, fieldName, context) : undefined;
    leaves.push({ target, arg, path, type, idType, fieldName });
    if (depth > 5) return;
    if (isListType(inner)) visit(arg, inner.ofType, [...path, 0], fieldName, context, depth + 1);
    if (isInputObjectType(inner)) {
      for (const f of Object.values(inner.getFields()))
        visit(arg, f.type, [...path, f.name], f.name, `${context} ${inner.name}`, depth + 1);
    }
  };
  for (const arg of target.args) visit(arg, arg.type, [], arg.name, arg.context, 0);
  return leaves;
}

/** A valid-looking value of `type`: required input fields only, fixture ids where the type is an ID. */
export function baseline(
  type: GraphQLInputType,
  fieldName: string,
  context: string,
  fx: Fixtures,
  nodeNames: string[],
): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [baseline(inner.ofType, fieldName, context, fx, nodeNames)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        out[f.name] = baseline(f.type, f.name, `${context} ${inner.name}`, fx, nodeNames);
    }
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isScalarType(inner)) {
    const name = fieldName.toLowerCase();
    switch (inner.name) {
      case 'ID': {
        const t = guessIdType(nodeNames, fieldName, context);
        const pool = (t ? fx.live.get(t) : undefined) ?? [...fx.live.values()][0]!;
        const ctx = context.toLowerCase();
        return (pool.find((p) => p.label && ctx.includes(p.label)) ?? pool.find((p) => !p.label) ?? pool[0]!).id;
      }
      case 'Int':
        return 5;
      case 'Float':
        return 0.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        if (name.includes('email')) return `fuzz-${fx.unique()}@example.com`;
        if (name.includes('password')) return 'correct horse battery';
        if (name.includes('contenttype')) return 'image/png';
        if (name.includes('slug') || name === 'tags') return fx.tagSlug;
        if (name.includes('prompt')) return 'A calm beach at dawn';
        return `Fuzz ${fx.unique()}`;
    }
  }
  return 'x';
}

export function baselineVariables(target: Target, fx: Fixtures, nodeNames: string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const a of [...target.pathArgs, ...target.args])
    if (isNonNullType(a.type)) vars[a.varName] = baseline(a.type, a.name, a.context, fx, nodeNames);
  return vars;
}

/** The baseline variables of a target with `leaf` replaced by `value` (created when optional and absent). */
export function variablesWith(
  leaf: Leaf | null,
  value: unknown,
  fx: Fixtures,
  nodeNames: string[],
): Record<string, unknown> {
  const target = leaf?.target;
  const vars: Record<string, unknown> = {};
  const slots = target ? [...target.pathArgs, ...target.args] : [];
  for (const a of slots) {
    if (isNonNullType(a.type) && !(a === leaf?.arg && leaf.path.length === 0))
      vars[a.varName] = baseline(a.type, a.name, a.context, fx, nodeNames);
  }
  if (!leaf) return vars;
  if (leaf.path.length === 0) {
    vars[leaf.arg.varName] = value;
    return vars;
  }
  if (vars[leaf.arg.varName] === undefined)
    vars[leaf.arg.varName] = baseline(leaf.arg.type, leaf.arg.name, leaf.arg.context, fx, nodeNames);
  let holder: any = vars;
  let key: string | number = leaf.arg.varName;
  let type: GraphQLInputType = leaf.arg.type;
  let context = leaf.arg.context;
  let fieldName = leaf.arg.name;
  for (const step of leaf.path) {
    const inner = isNonNullType(type) ? type.ofType : type;
    let container = holder[key];
    container ??= holder[key] = baseline(type, fieldName, context, fx, nodeNames);
    if (isListType(inner)) {
      type = inner.ofType;
      holder = container;
      key = 0;
    } else if (isInputObjectType(inner)) {
      const f = inner.getFields()[step as string]!;
      context = `${context} ${inner.name}`;
      fieldName = f.name;
      type = f.type;
      holder = container;
      key = step;
    }
  }
  holder[key] = value;
  return vars;
}

export function typeKind(
  type: GraphQLInputType,
): 'list' | 'object' | 'enum' | 'ID' | 'String' | 'Int' | 'Float' | 'Boolean' | 'scalar' {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return 'list';
  if (isInputObjectType(inner)) return 'object';
  if (isEnumType(inner)) return 'enum';
  if (isScalarType(inner) && ['ID', 'String', 'Int', 'Float', 'Boolean'].includes(inner.name))
    return inner.name as 'ID';
  return 'scalar';
}
