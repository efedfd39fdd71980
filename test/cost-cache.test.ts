// Query costs are remembered per parsed document, operation and variables
// (src/graphql/limits/cost.ts, cachedQueryCost): a repeated query is priced once, and a
// change of variables or operation is priced anew.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "graphql";
import { buildSchema } from "../src/graphql/schema.ts";
import { cachedQueryCost, queryCost } from "../src/graphql/limits/cost.ts";

test("a remembered cost follows the variables and the operation of the same document", () => {
  const schema = buildSchema();
  const document = parse(`
    query Few($n: Int) { people(first: $n) { edges { node { name related(first: $n) { totalCount } } } } }
    query Many { people(first: 100) { totalCount edges { node { name } } } }`);
  for (const [variables, operationName] of [[{ n: 5 }, "Few"], [{ n: 50 }, "Few"], [{ n: 5 }, "Few"], [{}, "Many"], [{ n: "five" }, "Few"]] as const) {
    assert.equal(cachedQueryCost(schema, document, variables, operationName), queryCost(schema, document, variables, operationName), JSON.stringify(variables));
  }
  assert.ok(cachedQueryCost(schema, document, { n: 50 }, "Few")! > cachedQueryCost(schema, document, { n: 5 }, "Few")!);
  assert.equal(cachedQueryCost(schema, document, { n: "five" }, "Few"), undefined, "variables that do not coerce");
  // Too deep to write out as a key: priced without the cache.
  let deep: unknown = 1;
  for (let i = 0; i < 20_000; i++) deep = [deep];
  assert.equal(cachedQueryCost(schema, document, { n: deep }, "Few"), queryCost(schema, document, { n: deep }, "Few"));
});
