// A typed newsgraph client with no GraphQL client library: fetch, graphql's print(), and
// the TypedDocumentNode types that `npm run codegen` generates from examples/operations.
// Every result below is typed from the operation: a misspelt field does not compile.
//
//   node --import tsx examples/client.ts [--url http://localhost:4000/graphql] [--search Ushakov]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ArticlePageDocument, PersonPageDocument, SearchDocument } from "./generated/graphql.ts";

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly { message: string }[] = [],
  ) {
    super(message);
  }
}

/** Runs one operation; the result and the variables are typed by the document. */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(url, {
    method: "POST",
    // application/json also satisfies Apollo Server's CSRF prevention.
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  }).catch((error: unknown) => {
    throw new GraphQLRequestError(`cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: { message: string }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join("; "), body.errors);
  if (!response.ok || !body.data) throw new GraphQLRequestError(`HTTP ${response.status} without data`);
  return body.data;
}

/** The newest article, a search, and the page of the first person the search finds. */
export async function tour(url: string, search: string): Promise<string[]> {
  const lines: string[] = [];
  const { articles } = await request(url, ArticlePageDocument, { first: 1 });
  const article = articles.edges[0]?.node;
  if (!article) return ["no articles yet: load some with npm run seed"];
  lines.push(`article: ${article.title} (${article.publishedAt ?? "undated"}, ${article.wordCount} words)`);
  lines.push(`  people: ${article.people.edges.map((e) => `${e.node.name} (${e.mentionCount})`).join(", ")}`);
  lines.push(`  places: ${article.places.edges.map((e) => e.node.name).join(", ")}`);
  for (const { node: quote } of article.quotes.edges.slice(0, 3)) {
    // `speaker` is a union: the generated type makes us say which members we handle.
    const speaker = quote.speaker ? `${quote.speaker.name} (${quote.speaker.__typename})` : (quote.speakerName ?? "unknown");
    lines.push(`  quote: "${quote.text.slice(0, 60)}${quote.text.length > 60 ? "…" : ""}" — ${speaker}`);
  }

  const found = await request(url, SearchDocument, { text: search, first: 3 });
  lines.push(
    `search "${search}": ${found.articles.totalCount} article(s), ${found.people.totalCount} person(s), ` +
      `${found.organizations.totalCount} organization(s), ${found.places.totalCount} place(s), ${found.quotes.totalCount} quote(s)`,
  );
  const personId = found.people.edges[0]?.node.id;
  if (!personId) return lines;

  const { node } = await request(url, PersonPageDocument, { id: personId });
  if (node?.__typename !== "Person") return lines;
  lines.push(`person: ${node.name}, ${node.mentionCount} mention(s) in ${node.articleCount} article(s), ${node.quotes.totalCount} quote(s)`);
  for (const { node: quote } of node.quotes.edges) lines.push(`  said: "${quote.text.slice(0, 60)}${quote.text.length > 60 ? "…" : ""}" in ${quote.article.title}`);
  lines.push(`  appears with: ${node.related.edges.map((e) => e.node.name).join(", ")}`);
  return lines;
}

const HELP = `Usage: node --import tsx examples/client.ts [--url URL] [--search TEXT]

Prints the newest article with its people, places and quotes, searches the graph for
TEXT, and prints the page of the first person found, using the typed documents in
examples/generated (npm run codegen).

Options:
  --url <url>      the GraphQL endpoint (default http://localhost:4000/graphql)
  --search <text>  what to search for (default Ushakov)
  -h, --help       show this help

Exit codes: 0 printed, 1 the server failed or answered with errors, 2 usage error.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        help: { type: "boolean", short: "h" },
        url: { type: "string", default: "http://localhost:4000/graphql" },
        search: { type: "string", default: "Ushakov" },
      },
    }));
  } catch (error) {
    console.error(`client: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  for (const line of await tour(values.url, values.search)) console.log(line);
  return 0;
}

// Runs as a command; importing it (tests, other code) only gets the functions.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`client: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
