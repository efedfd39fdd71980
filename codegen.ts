// `npm run codegen`: typed documents for the example operations (examples/operations and the
// example frontend's examples/web/src), and the possible types of every union and interface
// for Apollo Client's cache, from the committed schema.graphql (no server needed).
// `npm run codegen -- --watch` rewrites them on every change. test/codegen.test.ts fails
// when the output is stale, and shows that an invalid operation is reported with its file,
// line and cause.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/operations/*.graphql", "examples/web/src/**/*.graphql"],
  // Not `silent`: an invalid operation is printed with its file, line and cause.
  // Output is committed: the same on every machine, whatever the date or the run.
  generates: {
    "examples/generated/": {
      preset: "client",
      presetConfig: {
        // Plain result types: the examples read fields directly, with no fragment unmasking.
        fragmentMasking: false,
      },
      config: {
        // The ESM project resolves relative imports with their extension.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string" },
      },
    },
    // InMemoryCache({ possibleTypes }): which object types each union and interface holds,
    // so that fragments on Speaker, RelatedEntity, Entity and Node match from the cache.
    "examples/generated/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
