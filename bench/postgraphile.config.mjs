// PostGraphile v5's configuration for `npm run bench:graphql`, extended by
// bench/postgraphile-server.mjs with the amber preset and the pg service (schemas
// `public` and `postgraphile_bench`, the bench's SQL functions: bench/postgraphile.sql).
/** @type {GraphileConfig.Preset} */
const preset = {
  // Allow ordering by any column (ours sorts article people by mention count, quotes by
  // offset), not only by the leading column of an index.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  schema: {
    // Our PUBLISHED_AT_DESC puts undated articles last.
    pgOrderByNullsLast: true,
  },
  grafast: { explain: false },
};
export default preset;
