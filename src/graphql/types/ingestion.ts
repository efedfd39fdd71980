// `ingestion(contentHash:)`: what became of a document sent to ingestArticle, above all
// one answered ACCEPTED (still being stored when its operation's time ran short).
import { enumType, extendType, nonNull, objectType, stringArg } from "nexus";
import type { Context } from "../context.ts";
import { badInput } from "../errors.ts";
import { ingestionsOf } from "../ingestions.ts";
import { articleByContentHash } from "../../store/by-id.ts";

export const IngestionState = enumType({
  name: "IngestionState",
  description: "Where a document sent to ingestArticle stands.",
  members: [
    { name: "STORED", description: "The article is stored (`article`), or recorded as a copy of `article`." },
    { name: "PENDING", description: "This server is still analysing or storing it." },
    { name: "REJECTED", description: "Not a document the loader accepts (`reason`); it was not stored." },
    { name: "FAILED", description: "Storing it failed (`reason`), e.g. the database was away; send it again." },
    { name: "UNKNOWN", description: "Not stored and not in hand: never sent, deleted since, or sent to a server that has restarted." },
  ],
});

export const Ingestion = objectType({
  name: "Ingestion",
  description: "What became of a document sent to ingestArticle. Never cached: it changes while the document is stored.",
  definition(t) {
    t.nonNull.string("contentHash", { description: "The document's sha256, as asked for." });
    t.nonNull.field("state", { type: "IngestionState", description: "Stored, still in hand, rejected, failed or unknown." });
    t.string("reason", { description: "Why it was rejected or failed." });
    t.field("article", { type: "Article", description: "The stored article, when STORED." });
  },
});

export const IngestionQuery = extendType({
  type: "Query",
  definition(t) {
    t.nonNull.field("ingestion", {
      type: "Ingestion",
      description: "What became of the document with this content hash (ingestArticle's `contentHash`), e.g. after an ACCEPTED answer.",
      args: { contentHash: nonNull(stringArg({ description: "64 lowercase hexadecimal digits, as ingestArticle answered them." })) },
      async resolve(_root, { contentHash }, ctx: Context) {
        if (!/^[0-9a-f]{64}$/.test(contentHash)) throw badInput("contentHash must be 64 lowercase hexadecimal digits (a sha256), as ingestArticle answers it", "contentHash");
        const article = await articleByContentHash(ctx.store, contentHash);
        if (article) return { contentHash, state: "STORED" as const, reason: null, article };
        const ingestions = ingestionsOf(ctx.store);
        if (ingestions.isRunning(contentHash)) return { contentHash, state: "PENDING" as const, reason: null, article: null };
        const failure = ingestions.failure(contentHash);
        return { contentHash, state: failure?.state ?? ("UNKNOWN" as const), reason: failure?.reason ?? null, article: null };
      },
    });
  },
});
