// Every documentable element of a GraphQL schema, by coordinate, with its description and deprecation:
// types, fields, arguments, input fields and enum values. Introspection types (`__*`) and the built-in
// scalars (Int, Float, String, Boolean, ID) are the specification's, not ours, and are left out.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export type ElementKind = 'type' | 'field' | 'arg' | 'inputField' | 'enumValue';

export interface SchemaElement {
  kind: ElementKind;
  /** A schema coordinate: `Type`, `Type.field`, `Type.field(arg)`, `Input.field`, `Enum.VALUE`. */
  coordinate: string;
  description: string | null | undefined;
  /** Only fields, arguments, input fields and enum values can be deprecated. */
  deprecationReason?: string | null | undefined;
}

const ownTypes = (schema: GraphQLSchema): GraphQLNamedType[] =>
  Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t));

export function schemaElements(schema: GraphQLSchema): SchemaElement[] {
  const out: SchemaElement[] = [];
  for (const type of ownTypes(schema)) {
    out.push({ kind: 'type', coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const at = `${type.name}.${field.name}`;
        out.push({ kind: 'field', coordinate: at, description: field.description, ...deprecation(field) });
        for (const arg of field.args) {
          out.push({
            kind: 'arg',
            coordinate: `${at}(${arg.name})`,
            description: arg.description,
            ...deprecation(arg),
          });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const at = `${type.name}.${field.name}`;
        out.push({ kind: 'inputField', coordinate: at, description: field.description, ...deprecation(field) });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        const at = `${type.name}.${value.name}`;
        out.push({ kind: 'enumValue', coordinate: at, description: value.description, ...deprecation(value) });
      }
    }
  }
  return out;
}

const deprecation = (e: { deprecationReason?: string | null | undefined }) => ({
  deprecationReason: e.deprecationReason,
});

/** A description that says something: not missing, not blank, not a bare placeholder. */
export const isDescribed = (description: string | null | undefined): boolean =>
  !!description && description.trim().length >= 3 && !/^(todo|tbd|fixme|\.+|-+)$/i.test(description.trim());

export interface Census {
  kind: ElementKind;
  described: number;
  total: number;
}

export function census(elements: SchemaElement[]): Census[] {
  const kinds: ElementKind[] = ['type', 'field', 'arg', 'inputField', 'enumValue'];
  return kinds.map((kind) => {
    const of = elements.filter((e) => e.kind === kind);
    return { kind, described: of.filter((e) => isDescribed(e.description)).length, total: of.length };
  });
}
