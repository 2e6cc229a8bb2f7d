// Which GraphQL operations read the public catalog only: decided here, once, for graphql-jit (graphql/jit.ts),
// the cache of anonymous answers (http/catalog-responses.ts) and the partner allowlist (http/limits.ts).
import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  OperationTypeNode,
} from 'graphql';

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

interface RootFields {
  /** Field names (not aliases), through inline fragments and fragment spreads. */
  names: string[];
  /** A directive on a root field or fragment (`@skip`, `@include`, or any other). */
  directives: boolean;
  /** A spread of a fragment the document does not define. */
  unknownFragment: boolean;
}

function rootFields(document: DocumentNode, set: SelectionSetNode): RootFields {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  }
  const out: RootFields = { names: [], directives: false, unknownFragment: false };
  const seen = new Set<string>();
  const walk = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.directives?.length) out.directives = true;
      if (sel.kind === Kind.FIELD) out.names.push(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment);
        else out.unknownFragment = true;
      }
    }
  };
  walk(set);
  return out;
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
