// Cache-Control and ETag for GraphQL over HTTP. The /graphql route answers `no-store`
// (../server.ts); this plugin relaxes that only for an anonymous GET of a query that
// answered without error: `public, max-age=N` with N from the schema's hints
// (./cache-hints.ts). POSTs, mutations and requests with an Authorization header stay
// `no-store`: a POST is not cached by HTTP caches anyway, and a shared cache must never
// keep what was asked with a credential.
// A persisted GET query (Apollo's automatic persisted queries: `?extensions=` with the
// sha256 and no query text) also gets an ETag, a hash of its answer; Express then answers
// a matching If-None-Match with 304 and no body (res.send's freshness check).
import { createHash } from "node:crypto";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { cachedOperationMaxAge } from "./cache-hints.ts";

export function httpCachePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, document, operationName, schema, operation }) {
          const http = request.http;
          const body = response.body;
          if (!http || http.method !== "GET" || !document || operation?.operation !== "query" || body.kind !== "single") return;
          if (body.singleResult.errors?.length || http.headers.get("authorization")) return;
          const maxAge = cachedOperationMaxAge(schema, document, operationName);
          if (maxAge > 0) response.http.headers.set("cache-control", `public, max-age=${maxAge}`);
          if (request.extensions?.persistedQuery) {
            const hash = createHash("sha256").update(JSON.stringify(body.singleResult)).digest("base64url").slice(0, 27);
            response.http.headers.set("etag", `"${hash}"`);
          }
        },
      };
    },
  };
}
