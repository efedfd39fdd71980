// GraphiQL as this server serves it at /graphiql: bundled from npm packages by
// src/server/graphiql/build.ts, so the page loads nothing from outside our origin.
import { createRoot } from "react-dom/client";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
// The same operation as the typed client's example, so the IDE opens on real data.
import articlePage from "../../examples/operations/article-page.graphql";
import { WORKERS } from "./workers.ts";
import { getOperationAST, parse, type ExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";

// Monaco runs its language services in web workers; the build emits one bundle per
// worker next to this script (GraphiQL's own setups load them from a CDN or expect Vite).
const assets = new URL(".", (document.currentScript as HTMLScriptElement | null)?.src ?? location.href);
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const file = label === "json" ? WORKERS.json : label === "graphql" ? WORKERS.graphql : WORKERS.editor;
    return new Worker(new URL(file, assets));
  },
};

/** Plain fetch: GraphiQL's `content-type: application/json` POST passes Apollo's CSRF prevention. */
async function post(params: FetcherParams, headers: Record<string, string> | undefined) {
  const response = await fetch(new URL("/graphql", location.href), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(params),
  });
  return response.json();
}

type FetcherParams = Parameters<GraphiQLProps["fetcher"]>[0];

/** Subscriptions go over WebSocket at the same address (graphql-ws), opened on first use. */
let ws: Client | undefined;
const socket = () => {
  const url = new URL("/graphql", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return (ws ??= createClient({ url: url.href }));
};

/**
 * The operation to run. GraphiQL updates its operation name a moment after an edit, so a
 * query pasted over another and run at once comes with the old one's name: when the
 * document has one operation and the name is not in it, run that one without a name
 * (otherwise the server answers "Unknown operation named ..." and a subscription would
 * go over HTTP). Null: not parseable, the server's answer says why.
 */
function operationOf(params: FetcherParams): { params: FetcherParams; subscription: boolean } {
  try {
    const document = parse(params.query);
    const named = getOperationAST(document, params.operationName ?? undefined);
    const operations = document.definitions.filter((d) => d.kind === "OperationDefinition");
    const operation = named ?? (operations.length === 1 ? getOperationAST(document) : null);
    const fixed = named || !operation ? params : { ...params, operationName: operation.name?.value ?? null };
    return { params: fixed, subscription: operation?.operation === "subscription" };
  } catch {
    return { params, subscription: false };
  }
}

const fetcher: GraphiQLProps["fetcher"] = (request, options) => {
  const { params, subscription } = operationOf(request);
  if (!subscription) return post(params, options?.headers);
  const results = socket().iterate({ query: params.query, variables: params.variables ?? undefined, operationName: params.operationName ?? undefined });
  // graphql-ws yields results as sent over the wire (errors as plain JSON), which is all
  // GraphiQL does with them: print each one in the result pane as it comes.
  return results as unknown as AsyncIterable<ExecutionResult>;
};

const plugins = [explorerPlugin()];
const root = document.getElementById("graphiql");
if (!root) throw new Error("the page has no #graphiql element");
createRoot(root).render(<GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={articlePage} />);
