// GraphiQL as this server serves it at /graphiql: bundled from npm packages by
// src/graphiql/build.ts, so the page loads nothing from outside our origin.
import { createRoot } from "react-dom/client";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
// The same operation as the typed client's example, so the IDE opens on real data.
import articlePage from "../../examples/operations/article-page.graphql";
import { WORKERS } from "./workers.ts";

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
const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const response = await fetch(new URL("/graphql", location.href), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const plugins = [explorerPlugin()];
const root = document.getElementById("graphiql");
if (!root) throw new Error("the page has no #graphiql element");
createRoot(root).render(<GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={articlePage} />);
