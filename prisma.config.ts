// Prisma's CLI insists on a schema engine binary before generate/validate/format
// even though those never run it; a stand-in avoids a download from Prisma's host,
// which is unreachable offline. Migrations run through the WASM engine
// (src/store/migrate), not the CLI.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
});
