// The input boundary: one Pothos plugin that checks every argument of every field (queries, mutations,
// subscriptions, the relay `node`/`nodes` fields and connection arguments), through nested input objects
// and lists, before the field's arg mappers, auth and resolver run, so before any I/O; a Prisma relation
// or connection that its parent's query plans is checked when that query is planned. A field or an
// argument added later is covered without being named here.
//
// - Every String and ID value must be well-formed UTF-16 (no lone surrogate, which PostgreSQL would store
//   as U+FFFD) and free of C0 control characters (NUL makes PostgreSQL fail the statement). Tab, LF and CR
//   are allowed only in fields declared `multiline: true` (prompts); the default is a single line.
// - `after`/`before` of a connection are Pothos Prisma cursors unless the field says it pages with its
//   own (`extensions: { ownCursors: true }`): such a cursor must decode to a row id, as every connection
//   here pages by its String `id`. Anything else (another tag, a number, a date) is "not a cursor of this
//   list" instead of a query that Prisma or PostgreSQL refuses.
//
// A refusal is an InvalidInputError with each offending path (["input", "name"], ["ids", "3"]): a
// `ValidationError` member where the field has an error union (it is one of the default error types),
// else a BAD_USER_INPUT error carrying the same fieldErrors (format-error.ts).
import SchemaBuilder, {
  BasePlugin,
  type FieldRequiredness,
  type InputType,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  unwrapInputFieldType,
} from '@pothos/core';
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import { InvalidInputError } from '../domain/errors.ts';
import type { GraphQLFieldResolver } from 'graphql';
import { isRowId } from '../domain/ids.ts';
import { textProblem } from '../domain/text.ts';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      inputBoundary: InputBoundaryPlugin<Types>;
    }
    interface InputFieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      Type extends InputType<Types> | [InputType<Types>] = InputType<Types> | [InputType<Types>],
      // Unused here, but a merged declaration must repeat Pothos' type parameters exactly.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      Req extends FieldRequiredness<Type> = FieldRequiredness<Type>,
    > {
      /** Multi-line text (a prompt): tab, LF and CR are allowed. Every other string is a single line. */
      multiline?: boolean;
    }
  }
}

/** Whether `cursor` is a Pothos Prisma cursor of a row id. */
export function isRowCursor(cursor: string): boolean {
  try {
    return isRowId(parsePrismaCursor(cursor));
  } catch {
    return false;
  }
}

type Path = (string | number)[];
interface Issue {
  path: Path;
  message: string;
}
type Plan = { kind: 'text'; multiline: boolean } | { kind: 'object'; fields: Map<string, Plan> };

function check(value: unknown, plan: Plan, path: Path, issues: Issue[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, plan, [...path, i], issues));
    return;
  }
  if (plan.kind === 'text') {
    if (typeof value !== 'string') return;
    const problem = textProblem(value, plan.multiline);
    if (problem) issues.push({ path, message: problem });
    return;
  }
  if (typeof value !== 'object') return;
  for (const [name, field] of plan.fields)
    check((value as Record<string, unknown>)[name], field, [...path, name], issues);
}

export class InputBoundaryPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly objectPlans = new Map<string, Plan>();

  private planOf(field: PothosInputFieldConfig<Types>): Plan | null {
    const config = this.buildCache.getTypeConfig(unwrapInputFieldType(field.type));
    if (config.kind === 'Scalar')
      return config.name === 'String' || config.name === 'ID'
        ? { kind: 'text', multiline: field.pothosOptions.multiline === true }
        : null;
    if (config.kind !== 'InputObject') return null;
    let plan = this.objectPlans.get(config.name);
    if (!plan) {
      // Registered before its fields are planned: a recursive input type refers to itself.
      const fields = new Map<string, Plan>();
      plan = { kind: 'object', fields };
      this.objectPlans.set(config.name, plan);
      for (const [name, inner] of Object.entries(
        this.buildCache.getInputTypeFieldConfigs(unwrapInputFieldType(field.type)),
      )) {
        const innerPlan = this.planOf(inner);
        if (innerPlan) fields.set(name, innerPlan);
      }
    }
    return plan;
  }

  /** The field's argument check (issues, none when the arguments may pass), or null when it has nothing to check. */
  private checkerOf(fieldConfig: PothosOutputFieldConfig<Types>): ((args: object) => Issue[]) | null {
    const key = `${fieldConfig.parentType}.${fieldConfig.name}`;
    if (this.checkers.has(key)) return this.checkers.get(key)!;
    const plans = new Map<string, Plan>();
    for (const [name, arg] of Object.entries(fieldConfig.args)) {
      const plan = this.planOf(arg);
      if (plan) plans.set(name, plan);
    }
    const pagesByRowCursor = plans.has('after') && plans.has('before') && fieldConfig.extensions?.ownCursors !== true;
    const checker = !plans.size
      ? null
      : (args: object) => {
          const given = args as Record<string, unknown>;
          const issues: Issue[] = [];
          for (const [name, plan] of plans) check(given[name], plan, [name], issues);
          if (pagesByRowCursor) {
            for (const name of ['after', 'before']) {
              const cursor = given[name];
              if (typeof cursor === 'string' && !issues.some((i) => i.path[0] === name) && !isRowCursor(cursor))
                issues.push({ path: [name], message: 'Not a cursor of this list.' });
            }
          }
          return issues;
        };
    this.checkers.set(key, checker);
    return checker;
  }

  private readonly checkers = new Map<string, ((args: object) => Issue[]) | null>();

  /**
   * A Prisma relation or connection nested in a Prisma field is planned by its parent's resolver, which
   * reads the nested field's arguments (and parses its cursor) before that field resolves: its arguments
   * are checked there too, before the parent's query is built.
   */
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const select = fieldConfig.extensions?.pothosPrismaSelect;
    const checker = typeof select === 'function' ? this.checkerOf(fieldConfig) : null;
    if (!checker) return fieldConfig;
    const planned = select as (args: object, ...rest: unknown[]) => unknown;
    return {
      ...fieldConfig,
      extensions: {
        ...fieldConfig.extensions,
        pothosPrismaSelect: (args: object, ...rest: unknown[]) => {
          const issues = checker(args);
          if (issues.length) throw new InvalidInputError(issues);
          return planned(args, ...rest);
        },
      },
    };
  }

  override wrapArgMappers(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    const checker = resolver && this.checkerOf(fieldConfig);
    if (!resolver || !checker) return resolver;
    return (parent, args, context, info) => {
      const issues = checker(args);
      if (issues.length) throw new InvalidInputError(issues);
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin('inputBoundary', InputBoundaryPlugin);

export default 'inputBoundary' as const;
