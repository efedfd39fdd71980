// The example frontend: React and Apollo Client over newsgraph's API, queries over HTTP and
// `articleAdded` over WebSocket (graphql-ws), typed by `npm run codegen`. The API's address
// is the page's `?api=` parameter (default http://localhost:4000/graphql), so one build
// works against any server whose CORS_ORIGINS lists the page's origin.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition, relayStylePagination } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";
import possibleTypes from "../../generated/possible-types.ts";
import { App } from "./App.tsx";

const api = new URL(new URLSearchParams(location.search).get("api") ?? "http://localhost:4000/graphql");
const wsUrl = new URL(api);
wsUrl.protocol = api.protocol === "https:" ? "wss:" : "ws:";

const http = new HttpLink({ uri: api.href });
const ws = new GraphQLWsLink(createClient({ url: wsUrl.href }));
const isSubscription = (query: Parameters<typeof getMainDefinition>[0]) => {
  const definition = getMainDefinition(query);
  return definition.kind === "OperationDefinition" && definition.operation === OperationTypeNode.SUBSCRIPTION;
};

const client = new ApolloClient({
  link: ApolloLink.split(({ query }) => isSubscription(query), ws, http),
  cache: new InMemoryCache({
    // Which types the Speaker and RelatedEntity unions and the Entity and Node interfaces
    // hold, generated from schema.graphql, so fragments on them match from the cache.
    possibleTypes: possibleTypes.possibleTypes,
    // An article's mentions come a page at a time; the pages join into one list.
    typePolicies: { Article: { fields: { mentions: relayStylePagination() } } },
  }),
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);
