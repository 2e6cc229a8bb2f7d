// Probe targets derived from the schema alone: every root field with arguments (and every mutation), and
// every field with arguments reachable from a query root field (connection arguments of User, Project…).
// Nothing here names a field of our schema: a field added tomorrow is a target the next time the test
// introspects the server. Their baselines and leaves are in schema-values.ts.
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

export type Operation = 'query' | 'mutation' | 'subscription';

export interface ArgSlot {
  name: string;
  varName: string;
  type: GraphQLInputType;
  /** Where the argument sits, for guessing which node type an ID names: the field and its owner. */
  context: string;
}

export interface Target {
  /** e.g. "Mutation.createProject" or "Query.me>User.projects". */
  name: string;
  operation: Operation;
  document: string;
  /** The same operation selecting the page's cursors (when the field is a connection): real cursors of other lists. */
  cursorDocument: string;
  /** Arguments of the fuzzed field (the last step). */
  args: ArgSlot[];
  /** Arguments of the fields leading to it: always their baseline. */
  pathArgs: ArgSlot[];
  /** The fuzzed field returns a connection (has pageInfo): its String arguments get every crafted cursor. */
  connection: boolean;
  /** Response keys from the root down to the fuzzed field: whether it was resolved at all. */
  fieldPath: string[];
}

/** One position in the variables that a probe replaces: an argument, an input field, or a list item. */
export interface Leaf {
  target: Target;
  arg: ArgSlot;
  /** Keys below the argument; a number means "inside the list". */
  path: (string | number)[];
  type: GraphQLInputType;
  /** For IDs: the node type the name suggests (projectId → Project), if any. */
  idType?: string;
  /** Name of the innermost argument/field, for baseline heuristics. */
  fieldName: string;
}

const MAX_NESTING = 4;

export function findTargets(schema: GraphQLSchema): Target[] {
  const targets: Target[] = [];
  const roots: [Operation, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  let varCounter = 0;
  const slot = (a: GraphQLArgument, field: string, owner: string): ArgSlot => ({
    name: a.name,
    varName: `v${varCounter++}`,
    type: a.type,
    context: `${owner}.${field}`,
  });

  for (const [operation, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (operation === 'mutation' || field.args.length > 0) {
        const args = field.args.map((a) => slot(a, field.name, root.name));
        targets.push({
          name: `${root.name}.${field.name}`,
          operation,
          document: render(schema, operation, [{ field, args, on: null }]),
          cursorDocument: render(schema, operation, [{ field, args, on: null }], true),
          args,
          pathArgs: [],
          connection: isConnection(field.type),
          fieldPath: [field.name],
        });
      }
    }
  }

  // Fields with arguments below the query root, each reached once by its shortest path.
  const query = schema.getQueryType();
  if (query) {
    const seen = new Set<string>();
    interface Step {
      field: GraphQLField<unknown, unknown>;
      args: ArgSlot[];
      on: string | null;
    }
    let frontier: { type: GraphQLNamedType; steps: Step[] }[] = Object.values(query.getFields()).map((f) => ({
      type: getNamedType(f.type),
      steps: [{ field: f, args: f.args.map((a) => slot(a, f.name, query.name)), on: null }],
    }));
    for (const f of Object.values(query.getFields())) seen.add(`${query.name}.${f.name}`);
    for (let depth = 1; depth < MAX_NESTING && frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const { type, steps } of frontier) {
        const objects: [GraphQLObjectType, string | null][] = isObjectType(type)
          ? [[type, null]]
          : isAbstractType(type)
            ? schema.getPossibleTypes(type).map((t) => [t, t.name] as [GraphQLObjectType, string])
            : [];
        for (const [object, on] of objects) {
          for (const f of Object.values(object.getFields())) {
            const key = `${object.name}.${f.name}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const step: Step = { field: f, args: f.args.map((a) => slot(a, f.name, object.name)), on };
            const path = [...steps, step];
            if (f.args.length > 0) {
              const prefix = steps.map((s) => s.field.name).join('>');
              targets.push({
                name: `${query.name}.${prefix}>${object.name}.${f.name}`,
                operation: 'query',
                document: render(schema, 'query', path),
                cursorDocument: render(schema, 'query', path, true),
                args: step.args,
                // node(id:) … on Project: the fragment's type says what the id must name.
                pathArgs: steps.flatMap((s, i) =>
                  s.args.map((a) => ({ ...a, context: `${a.context} ${path[i + 1]!.on ?? ''}` })),
                ),
                connection: isConnection(f.type),
                fieldPath: path.map((p) => p.field.name),
              });
            }
            if (!isLeafType(getNamedType(f.type))) next.push({ type: getNamedType(f.type), steps: path });
          }
        }
      }
      frontier = next;
    }
  }
  return targets;
}

function isConnection(type: GraphQLOutputType): boolean {
  return connectionTypes(type).length > 0;
}

function render(
  schema: GraphQLSchema,
  operation: Operation,
  steps: { field: GraphQLField<unknown, unknown>; args: ArgSlot[]; on: string | null }[],
  cursors = false,
): string {
  const vars = steps.flatMap((s) => s.args).map((a) => `$${a.varName}: ${String(a.type)}`);
  const last = steps[steps.length - 1]!.field.type;
  let body = cursors ? cursorSelection(last) : selection(schema, last);
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    const args = s.args.length ? `(${s.args.map((a) => `${a.name}: $${a.varName}`).join(', ')})` : '';
    const field = `${s.field.name}${args} ${body}`;
    body = i === 0 ? field : `{ __typename ${s.on ? `... on ${s.on} { ${field} }` : field} }`;
  }
  return `${operation}${vars.length ? `(${vars.join(', ')})` : ''} { ${body} }`;
}

/** The page's cursors, on whichever possible type is a connection. */
function cursorSelection(type: GraphQLOutputType): string {
  return `{ __typename ${connectionTypes(type)
    .map((t) => `... on ${t.name} { pageInfo { startCursor endCursor } }`)
    .join(' ')} }`;
}

function connectionTypes(type: GraphQLOutputType): GraphQLObjectType[] {
  const named = getNamedType(type);
  const candidates = isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : [];
  return candidates.filter((t) => 'pageInfo' in t.getFields());
}

/** `__typename` and, for every possible type implementing the Error interface, its scalar fields (one level deep). */
function selection(schema: GraphQLSchema, type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const errorInterface = schema.getType('Error');
  const possible = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
  const fragments = possible
    .filter((t) => errorInterface && isInterfaceType(errorInterface) && t.getInterfaces().includes(errorInterface))
    .map((t) => `... on ${t.name} { ${leafFields(t, 1)} }`);
  return `{ __typename ${fragments.join(' ')} }`;
}

function leafFields(type: GraphQLObjectType, depth: number): string {
  return Object.values(type.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (depth > 0 && isObjectType(named)) return `${f.name} { ${leafFields(named, depth - 1)} }`;
      return '';
    })
    .filter(Boolean)
    .join(' ');
}

export function nodeTypes(schema: GraphQLSchema): string[] {
  const node = schema.getType('Node');
  if (node && isInterfaceType(node)) return schema.getPossibleTypes(node).map((t) => t.name);
  return [];
}
