// The worker bundles the build emits beside graphiql.js (names shared by the build and the page).
export const WORKERS = {
  editor: "editor.worker.js",
  json: "json.worker.js",
  graphql: "graphql.worker.js",
} as const;
