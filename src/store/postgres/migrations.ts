// The schema engine's side of PostgreSQL (../migrate/): shadow databases are scratch
// databases on a server, never the user's database.
import type { Migrations } from "../dialect.ts";
import { postgresAdapterFactory, withDatabaseName } from "../migrate/adapters.ts";

export const migrations: Migrations = {
  factory: (url, shadowServerUrl) => postgresAdapterFactory(url, shadowServerUrl),
  // The engine connects its "main" database on start (it reads the server version there):
  // the shadow server's maintenance database keeps the user's database out of this.
  scratchFactory: (server) => postgresAdapterFactory(server, server),
  // The server of the URL, through its `postgres` maintenance database.
  shadowServer: (url) => withDatabaseName(url, "postgres"),
};
