// The import rules `npm run lint:deps` checks (and `npm test` runs): no cycles, and the
// layers look down only (ARCHITECTURE.md). These are the rules the code keeps today; the
// ones it does not keep yet (store importing ingest's types, graphql calling into ingest)
// come with the layout of issue 15, not as exceptions here.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes two modules one: split out what both need (as src/store/statement-name.ts does).",
      from: { pathNot: "^src/store/generated/" },
      to: { circular: true, pathNot: "^src/store/generated/" },
    },
    {
      name: "extract-is-pure",
      severity: "error",
      comment: "src/extract is text in, mentions and quotes out: it imports nothing else of the project.",
      from: { path: "^src/extract/" },
      to: { path: "^src/", pathNot: "^src/extract/" },
    },
    {
      name: "resolve-sees-extract-only",
      severity: "error",
      comment: "Resolution works on extraction's output: no database, no ingest, no API.",
      from: { path: "^src/resolve/" },
      to: { path: "^src/", pathNot: "^src/(resolve|extract)/" },
    },
    {
      name: "store-below-the-api",
      severity: "error",
      comment: "The store knows the database, never who asks: no GraphQL, server, queue or command.",
      from: { path: "^src/store/" },
      to: { path: "^src/(graphql|graphiql|queue|cli)/|^src/(server|health|metrics)\\.ts$" },
    },
    // The store seam (issue 15): which database the store talks to is the store's business.
    {
      name: "database-behind-the-store",
      severity: "error",
      comment: "Only src/store knows the database: its drivers, Prisma's adapters and generated clients, and the dialects in src/store/sqlite and src/store/postgres.",
      from: { path: "^src/", pathNot: "^src/store/" },
      to: { path: "^src/store/(generated|sqlite|postgres)/|^node_modules/(pg|better-sqlite3|@prisma/adapter-[^/]+)/" },
    },
    {
      name: "ingest-below-the-api",
      severity: "error",
      comment: "Ingest is called by the commands, the queue and the API; it calls none of them.",
      from: { path: "^src/ingest/" },
      to: { path: "^src/(graphql|graphiql|queue|cli)/|^src/(server|health|metrics)\\.ts$" },
    },
    {
      name: "graphql-below-the-server",
      severity: "error",
      comment: "The schema and its resolvers do not know HTTP, the queue or the commands.",
      from: { path: "^src/graphql/" },
      to: { path: "^src/(queue|cli|graphiql)/|^src/(server|health)\\.ts$" },
    },
    {
      name: "cli-is-the-top",
      severity: "error",
      comment: "Command entry points are thin and imported by nothing in src/.",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "src-stands-alone",
      severity: "error",
      comment: "The product never imports the tests, the scripts or the benchmarks.",
      from: { path: "^src/" },
      to: { path: "^(test|scripts|bench|examples)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve (postgraphile's subpaths resolve in Node, which bench/postgraphile-server.mjs runs on, but not in this resolver).",
      from: {},
      to: { couldNotResolve: true, pathNot: "^postgraphile/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a type cycle is still a cycle to a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json", ".d.ts"], mainFields: ["module", "main", "types", "typings"], conditionNames: ["import", "require", "node", "default"], exportsFields: ["exports"] },
  },
};
