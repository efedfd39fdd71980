// `npm run codegen`: typed documents for the example operations, from the committed
// schema.graphql (no server needed). test/codegen.test.ts fails when the output is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/operations/*.graphql"],
  // Output is committed: the same on every machine, whatever the date or the run.
  silent: true,
  generates: {
    "examples/generated/": {
      preset: "client",
      presetConfig: {
        // Plain result types: the example client reads fields directly, with no fragment unmasking.
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
  },
};

export default config;
