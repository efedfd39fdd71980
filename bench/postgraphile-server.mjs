// PostGraphile v5 over the same database, for `npm run bench:graphql` (bench/graphql.ts).
// Runs under Node >= 22 (postgraphile 5.1.5's requirement; the bench installs Node 22 into
// .cache/node22 when missing) as plain ESM, without tsx:
//
//   DATABASE_URL=postgresql://... PORT=5678 POOL_SIZE=10 node bench/postgraphile-server.mjs
//
// Prints `postgraphile serving http://127.0.0.1:PORT/graphql` once it answers. Besides
// /graphql it serves GET /__statements: `{"statements": N}`, the SQL statements its pool's
// clients have been sent so far (every client.query call, counted as the pool hands out
// clients), which the bench reads before and after one request of each operation.
// PRINT_SCHEMA=FILE writes the generated schema (SDL) to FILE.
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { printSchema } from "postgraphile/graphql";
import preset from "./postgraphile.config.mjs";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error("DATABASE_URL is required");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 5678);
const poolSize = Number(process.env.POOL_SIZE ?? 10);

let statements = 0;
const pool = new pg.Pool({ connectionString, max: poolSize });
pool.on("connect", (client) => {
  const query = client.query;
  client.query = function countedQuery(...args) {
    statements++;
    if (process.env.LOG_STATEMENTS) console.log("SQL:", typeof args[0] === "string" ? args[0] : args[0]?.text);
    return query.apply(this, args);
  };
});
pool.on("error", (error) => console.error("pool error:", error.message));

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, preset],
  pgServices: [makePgService({ pool, schemas: ["public", "postgraphile_bench"] })],
  grafserv: { port, host: "127.0.0.1", graphiql: false, watch: false, graphqlPath: "/graphql" },
  grafast: { explain: false },
});

const serv = pgl.createServ(grafserv);
// Grafserv's plain request handler (no websockets needed), falling through to ours.
const handler = serv.createHandler();
const server = createServer((req, res) => {
  handler(req, res, () => {
    if (req.url === "/__statements") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ statements }));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
});

if (process.env.PRINT_SCHEMA) {
  const { schema } = await pgl.getSchemaResult();
  writeFileSync(process.env.PRINT_SCHEMA, printSchema(schema));
}
// Build the schema before listening, so the first measured request does not pay for it.
await pgl.getSchemaResult();
server.listen(port, "127.0.0.1", () => console.log(`postgraphile serving http://127.0.0.1:${port}/graphql`));

const stop = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
