// Which GraphQL operations read the public catalog only: decided here, once, for graphql-jit (graphql/jit.ts),
// the cache of anonymous answers (http/catalog-responses.ts) and the partner allowlist (http/limits.ts).
import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  OperationTypeNode,
} from 'graphql';
import { flattenSelections, fragmentsOf } from '../graphql/selection.ts';

/**
 * Root fields whose answer is the same for every anonymous caller and changes only with the catalog
 * (and with it `catalogChanged`): what graphql-jit compiles and the HTTP answer cache keeps.
 */
export const CATALOG_FIELDS: ReadonlySet<string> = new Set(['publicAvatars', 'tagCategories', '__typename']);

/**
 * What a partner API key may read: the catalog fields, plus `node`/`nodes` (a catalog object by id; a
 * key sees no private one) and introspection. Not catalog-only: their answers are not the catalog's.
 */
export const PARTNER_FIELDS: ReadonlySet<string> = new Set([...CATALOG_FIELDS, 'node', 'nodes', '__schema', '__type']);

/** The operation a request runs: the one named, else the document's only one (as graphql-js chooses). */
export function operationOf(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName != null) return ops.find((o) => o.name?.value === operationName);
  return ops.length === 1 ? ops[0] : undefined;
}

/** Root field names (not aliases), and whether a directive or an unknown fragment was on the way. */
function rootFields(document: DocumentNode, set: SelectionSetNode) {
  const { fields, directives, unknownFragment } = flattenSelections([set], fragmentsOf(document));
  return { names: fields.map((f) => f.name.value), directives, unknownFragment };
}

const queryOf = (document: DocumentNode, operationName?: string | null) => {
  const op = operationOf(document, operationName);
  return op?.operation === OperationTypeNode.QUERY ? rootFields(document, op.selectionSet) : null;
};

/**
 * A query of catalog fields only (aliases and fragments looked through), without directives: its answer
 * depends on the catalog and the request alone.
 */
export function isCatalogOnly(document: DocumentNode, operationName?: string | null): boolean {
  const fields = queryOf(document, operationName);
  return !!fields && !fields.directives && !fields.unknownFragment && fields.names.every((n) => CATALOG_FIELDS.has(n));
}

/** A query a partner API key may run: PARTNER_FIELDS only (directives can only leave fields out). */
export function isPartnerOperation(document: DocumentNode, operationName?: string | null): boolean {
  const fields = queryOf(document, operationName);
  return !!fields && !fields.unknownFragment && fields.names.every((n) => PARTNER_FIELDS.has(n));
}
