import type { CodegenConfig } from '@graphql-codegen/cli';

// Client types from the committed schema.graphql (`npm run codegen`; CI fails when they are stale).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**/*', '!client/src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
    // Apollo's possibleTypes (interfaces and unions), for fragments on Error and on union members.
    'client/src/gql/possible-types.ts': { plugins: ['./scripts/codegen-possible-types.cjs'] },
  },
};

export default config;
