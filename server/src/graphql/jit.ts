// The public catalog's reads (publicAvatars, tagCategories: partners and the catalog screen, the
// hottest operations) execute through graphql-jit: each operation document is compiled once into a
// JavaScript function that calls the same Pothos resolvers, instead of graphql-js walking the document
// for every field of every request (measured by `npm run bench:catalog`). Every other operation, and
// any the compiler refuses, runs on graphql-js as before. Plugged into Apollo Server through its
// gateway interface, its one hook for execution.
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { isCatalogOnly } from '../catalog/operations.ts';

const MAX_PER_DOCUMENT = 10;

// graphql-jit does not apply a variable's default value when the variable is left out
// (`$n: Int! = 24`): such a request runs on graphql-js.
export const leavesOutADefault = (operation: OperationDefinitionNode, variables: Record<string, unknown>) =>
  (operation.variableDefinitions ?? []).some((d) => d.defaultValue && !(d.variable.name.value in variables));

/** The operation compiled by graphql-jit when it is catalog-only and the compiler takes it, else null. */
export function compileCatalogQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): CompiledQuery | null {
  const result = isCatalogOnly(document, operationName) ? compileQuery(schema, document, operationName) : null;
  return result && isCompiledQuery(result) ? result : null;
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  // Apollo hands the same DocumentNode for the same query text (its document store), so compiled
  // operations (null: not catalog-only, or refused by the compiler) are kept per document and operation
  // name, and go with the document.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map<string, CompiledQuery | null>()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      if (byName.size >= MAX_PER_DOCUMENT) byName.clear();
      byName.set(key, compileCatalogQuery(schema, document, operationName));
    }
    return byName.get(key)!;
  };
  return {
    async load() {
      return {
        executor: async ({ document, operation, operationName, request, context }) => {
          const variables = request.variables ?? {};
          const name = operationName ?? undefined;
          // No such operation (a wrong operationName; Apollo's type says there always is one): graphql-js says
          // so, given the name the client sent (Apollo's operationName is then null).
          const op = operation as OperationDefinitionNode | undefined;
          if (!op)
            return execute({ schema, document, contextValue: context, operationName: request.operationName ?? null });
          const query = leavesOutADefault(op, variables) ? null : compile(document, name);
          if (!query)
            return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
          return query.query(undefined, context, variables);
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {
      // Compiled queries live with their documents: nothing to release.
    },
  };
}
