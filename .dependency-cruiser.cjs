// The import rules `npm run lint:deps` checks (and `npm test` runs): no cycles, and the
// layers look down only (ARCHITECTURE.md). The layer rules are generated from LAYERS, one
// ordered table: each layer may import itself and the layers below it, nothing above.

/** Bottom to top: [name, the modules it holds (a path pattern), what it is]. */
const LAYERS = [
  ["base", "^src/[^/]+\\.ts$", "settings (config.ts), the logger and the metrics registry: what every layer may use"],
  ["domain", "^src/domain/", "the shared types: the article, mentions, the entity type registry, fingerprints"],
  ["lexicon", "^src/lexicon/", "word lists and gazetteers, read by analysis and resolution"],
  ["documents", "^src/documents/", "reading, parsing, hashing documents: no analysis, no database"],
  ["resolve", "^src/resolve/", "mentions to canonical entities, quotes to speakers: pure functions of the pipeline's output"],
  ["analysis", "^src/analysis/", "the pipeline (pure), its model and the threads that run it and resolution"],
  ["store", "^src/store/", "the database: the only layer that knows which one"],
  ["ingest", "^src/ingest/", "the one ingest service: documents in, analysed, batched into the store"],
  ["queue", "^src/queue/", "pg-boss: enqueueing documents, the worker that feeds the ingest service"],
  ["graphql", "^src/graphql/", "the schema, its resolvers and DataLoaders"],
  ["server", "^src/server/", "HTTP: /graphql, /graphiql, /healthz, /metrics"],
  ["cli", "^src/cli/", "thin command entry points"],
];

const either = (patterns) => patterns.map((p) => `(?:${p})`).join("|");

const layerRules = LAYERS.map(([name, path, what], i) => ({
  name: `layer-${name}`,
  severity: "error",
  comment: `${name} (${what}) imports only ${i === 0 ? "itself" : `itself and ${LAYERS.slice(0, i).map(([n]) => n).join(", ")}`}.`,
  from: { path },
  to: { path: "^src/", pathNot: either(LAYERS.slice(0, i + 1).map(([, p]) => p)) },
}));

/** Node's modules that reach outside the process or its memory. */
const IO_BUILTINS = "^(?:node:)?(?:fs|fs/promises|module|worker_threads|child_process|cluster|net|http|https|http2|dgram|dns|tls|readline|inspector)$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "analysis-pipeline-is-pure",
      severity: "error",
      comment:
        "The pipeline is text in, mentions and quotes out: no I/O, no threads. Only src/analysis/runtime (the model loader and the thread pool) reads files or starts threads; the word lists it reads are src/lexicon's.",
      from: { path: "^src/analysis/", pathNot: "^src/analysis/runtime/" },
      to: { path: either([IO_BUILTINS, "^src/(?:analysis/runtime|documents)/"]) },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes two modules one: split out what both need (as src/store/statement-name.ts does).",
      from: { pathNot: "^src/store/generated/" },
      to: { circular: true, pathNot: "^src/store/generated/" },
    },
    {
      // The store seam (issue 15): which database the store talks to is the store's business.
      name: "database-behind-the-store",
      severity: "error",
      comment: "Only src/store knows the database: its drivers, Prisma's adapters and generated clients, and the dialects in src/store/sqlite and src/store/postgres.",
      from: { path: "^src/", pathNot: "^src/store/" },
      to: { path: "^src/store/(generated|sqlite|postgres)/|^node_modules/(pg|better-sqlite3|@prisma/adapter-[^/]+)/" },
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
