import type { CodegenConfig } from '@graphql-codegen/cli';

// Client types from the committed schema.graphql (`npm run codegen`; CI fails when they are stale).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**/*', '!client/src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      // Enums as `const` objects with their type: the client lists an enum's values from the schema.
      config: { useTypeImports: true, enumType: 'const', scalars: { DateTime: 'string' } },
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
    },
    // Apollo's possibleTypes (interfaces and unions), for fragments on Error and on union members.
    'client/src/gql/possible-types.ts': { plugins: ['./scripts/codegen-possible-types.cjs'] },
  },
};

export default config;
