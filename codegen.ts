import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the client operations in graphql/operations, checked against the
 * committed schema. The integration tests use them, so a breaking schema change fails
 * codegen or the type check.
 */
const config: CodegenConfig = {
  schema: 'graphql/schema.graphql',
  documents: ['graphql/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
      },
    },
  },
};

export default config;
