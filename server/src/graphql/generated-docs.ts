// Descriptions of the fields a plugin generates without offering a description option: the Prisma plugin's
// `totalCount` of a connection (`totalCount: true`). A field that has a description of its own keeps it.
// (Relay connections, edges and PageInfo are described through the relay plugin's options, relay-docs.ts.)
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      generatedDocs: GeneratedDocsPlugin<Types>;
    }
  }
}

export const TOTAL_COUNT_DESCRIPTION =
  'How many items the whole connection holds (all pages, with its filter), whatever `first`, `last` or the cursors.';

class GeneratedDocsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.description || !fieldConfig.extensions?.pothosPrismaTotalCount) return fieldConfig;
    return { ...fieldConfig, description: TOTAL_COUNT_DESCRIPTION };
  }
}

SchemaBuilder.registerPlugin('generatedDocs', GeneratedDocsPlugin);

export default 'generatedDocs' as const;
