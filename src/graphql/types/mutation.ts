// Writes: ingest one document, delete one article. Both need the API token (../auth.ts).
import { arg, enumType, idArg, inputObjectType, mutationType, nonNull, objectType } from "nexus";
import type { Context } from "../context.ts";
import { requireWriter } from "../auth.ts";
import { badInput } from "../errors.ts";
import { LimitError } from "../limits/errors.ts";
import { idOfType, toGlobalId } from "../ids.ts";
import { hashIngestDocument, ingestDocument } from "../../ingest/load.ts";
import { DocumentError } from "../../documents/document-error.ts";
import { ingestionsOf, type Failure } from "../ingestions.ts";
import { isDatabaseUnavailable } from "../../store/errors.ts";
import { logger } from "../../logger.ts";
import { deleteArticle } from "../../store/save-article.ts";
import { publishStoreEvent } from "../../store/events.ts";
import { ingestArticles } from "../../metrics.ts";
import { metaFromFields } from "../../documents/formats/record.ts";
import type { ReadAs } from "../../documents/read.ts";
import type { DocumentMeta } from "../../domain/document.ts";
import type { NexusGenInputs } from "../generated/nexus-typegen.ts";
import { ENTITY_TYPE_INFO } from "../../domain/entity-types.ts";

const MAX_FILE_NAME = 255;
/** C0 and C1 controls, bidirectional overrides and isolates (they can make a name read as another), line and paragraph separators. */
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const FORMAT = { TEXT: "text", HTML: "html", JSON: "json" } as const;
const STATUS = { created: "CREATED", updated: "UPDATED", copy: "COPY", duplicate: "DUPLICATE" } as const;

type IngestInput = NexusGenInputs["IngestArticleInput"];

/** The input's format and fields over the document's own, each checked as the JSON Lines format checks it. */
function readAs(input: IngestInput): ReadAs {
  const fields = { title: input.title, url: input.url, publisher: input.publisher, authors: input.authors, date: input.publishedAt, language: input.language };
  let meta: DocumentMeta;
  try {
    meta = metaFromFields(fields);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    throw badInput(`input.${error.reason.replace(/^field date:/, "field publishedAt:").replace(/^field /, "")}`, "input");
  }
  const format = input.format ? FORMAT[input.format] : undefined;
  return { format, meta };
}

export const IngestArticleInput = inputObjectType({
  name: "IngestArticleInput",
  description: "A document to ingest, with fields that override its own.",
  definition(t) {
    t.nonNull.string("text", { description: "The document, in one of the loader's formats (seed layout, or a title line then the body)." });
    t.nonNull.string("fileName", { description: "Where the document came from; stored as the article's fileName." });
    t.field("format", { type: "DocumentFormat", description: "How to read `text`; default: HTML when it starts like a page or fileName ends in .html, else the text layouts." });
    t.string("title", { description: "Overrides the document's own (as do the fields below)." });
    t.string("url", { description: "The article's URL: the same URL again is the same article, updated if its text changed." });
    t.string("publisher", { description: "The outlet's name or domain." });
    t.list.nonNull.string("authors", { description: "The bylines' names, in order." });
    t.field("publishedAt", { type: "DateTime", description: "When it was published." });
    t.string("language", { description: "BCP 47 tag (`en`, `en-GB`)." });
  },
});

export const DocumentFormat = enumType({
  name: "DocumentFormat",
  description: "How ingestArticle reads `text`.",
  members: [
    { name: "TEXT", description: "The seed or plain text layout, with optional front matter." },
    { name: "HTML", description: "A news page: Readability extracts the article." },
    { name: "JSON", description: "One JSON record with news-please or NewsAPI field names, as a line of a JSON Lines file." },
  ],
});

export const IngestStatus = enumType({
  name: "IngestStatus",
  description: "What ingestArticle did with the document.",
  members: [
    { name: "CREATED", description: "Stored now as a new article; `article` is the new article." },
    { name: "UPDATED", description: "Its text went into a stored article: the same URL with a changed text, or an earlier near-duplicate (the stored text became a copy); `article` is that article." },
    { name: "COPY", description: "Recorded as another copy of a stored article (a near-duplicate, or the same text from another URL); `article` is the article it is a copy of." },
    { name: "DUPLICATE", description: "Already stored (or being stored by a concurrent call with the same text); nothing changed; `article` is the stored one." },
    { name: "ACCEPTED", description: "Still being analysed and stored when the operation's time (EXECUTION_TIMEOUT_MS) ran short; it goes on. Poll `ingestion(contentHash:)`; `article` is null." },
  ],
});

export const IngestArticlePayload = objectType({
  name: "IngestArticlePayload",
  description: "What ingestArticle did with the document.",
  definition(t) {
    t.nonNull.field("status", { type: "IngestStatus", description: "What storing it did; `article` is the article it is, or is a copy of." });
    t.nonNull.boolean("created", { description: "Whether this call stored a new article (status CREATED).", resolve: (p) => p.status === "CREATED" });
    t.nonNull.string("contentHash", { description: "sha256 (hex) of the normalized title and body: the document's identity, for `ingestion(contentHash:)`." });
    t.field("article", { type: "Article", description: "The stored article (or the one it is a copy of); null while ACCEPTED." });
  },
});

type Ingested = Awaited<ReturnType<typeof ingestDocument>>;

async function ingest1(ctx: Context, bytes: Uint8Array, fileName: string, as: ReadAs): Promise<Ingested> {
  try {
    return await ingestDocument(ctx.store, bytes, fileName, { maxDocumentBytes: ctx.maxDocumentBytes, pool: ctx.analysis, ...as });
  } catch (error) {
    // The ingest loop counts what became of the document; an error is counted here.
    if (!(error instanceof DocumentError)) ingestArticles.inc({ outcome: "failed" });
    throw error;
  }
}

function failureOf(error: unknown): Failure {
  if (error instanceof DocumentError) return { state: "REJECTED", reason: error.reason };
  logger.error({ err: error }, "ingest failed");
  return { state: "FAILED", reason: isDatabaseUnavailable(error) ? "database unavailable, retry" : "internal error; send the document again" };
}

/** Before the operation's deadline, less a margin for the answer to go out: then ACCEPTED. */
const ACCEPT_MARGIN_MS = 1000;

function acceptTimer(deadline: number) {
  let timer: NodeJS.Timeout | undefined;
  const left = deadline - Date.now();
  const elapsed = new Promise<"accepted">((resolve) => {
    if (Number.isFinite(left)) timer = setTimeout(() => resolve("accepted"), Math.max(0, left - Math.min(ACCEPT_MARGIN_MS, left / 2)));
  });
  return { elapsed, cancel: () => clearTimeout(timer) };
}

export const DeleteArticlePayload = objectType({
  name: "DeleteArticlePayload",
  description: "What deleteArticle removed: the article, and the entities no other article mentions.",
  definition(t) {
    t.nonNull.id("deletedId", { description: "The global id of the deleted article." });
    t.nonNull.string("title", { description: "The deleted article's title." });
    t.nonNull.int("removedEntities", {
      description: "How many people, organizations and places were deleted because no other article mentions them: the length of `removedEntityIds`.",
      resolve: (p) => p.removedEntityIds.length,
    });
    t.nonNull.list.nonNull.id("removedEntityIds", {
      description: "The global ids of those people, organizations and places (places first), so that a client cache can evict them with the article.",
    });
  },
});

export const Mutation = mutationType({
  description: "Writes: they need `Authorization: Bearer <API_TOKEN>` (without API_TOKEN set, the server takes no writes).",
  definition(t) {
    t.field("ingestArticle", {
      type: "IngestArticlePayload",
      description:
        "Parses, analyses and stores a document, as the loader does. Idempotent: the same text answers DUPLICATE with the stored article. " +
        "A document that cannot be stored within EXECUTION_TIMEOUT_MS is answered ACCEPTED with its contentHash and goes on being stored. Needs `Authorization: Bearer <API_TOKEN>`.",
      args: { input: nonNull(arg({ type: "IngestArticleInput", description: "The document and the fields that override its own." })) },
      async resolve(_root, { input }, ctx: Context) {
        requireWriter(ctx.auth);
        const fileName = input.fileName.trim();
        const unsafe = UNSAFE_IN_FILE_NAME.exec(fileName);
        if (!fileName || fileName.length > MAX_FILE_NAME || unsafe) {
          const found = unsafe ? ` (found U+${unsafe[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at position ${unsafe.index + 1})` : "";
          throw badInput(`input.fileName must be 1 to ${MAX_FILE_NAME} characters without control, bidirectional-formatting or line-separator characters${found}`, "input.fileName");
        }
        // The request's large body stays counted until the document is stored, an answer
        // (ACCEPTED) before that included; given back at once when no ingest is started.
        const release = ctx.keepBody();
        let handedOver = false;
        const timer = acceptTimer(ctx.deadline);
        try {
          const bytes = Buffer.from(input.text, "utf8");
          // Bad input is answered now, whatever the time the analysis would take; the hash
          // names the document in an ACCEPTED answer.
          // Checked before any analysis: a bad field is answered as bad input at once.
          const as = readAs(input);
          const task = { bytes, name: fileName, maxDocumentBytes: ctx.maxDocumentBytes, ...as };
          const hashed = await hashIngestDocument(task, ctx.analysis);
          if (!hashed.ok) {
            ingestArticles.inc({ outcome: "failed" });
            throw badInput(`input.text: ${hashed.reason}`, "input.text");
          }
          // The client was answered TIMEOUT while the hash waited its turn: storing the
          // document now would make that answer a lie.
          if (ctx.signal.aborted) throw new LimitError("TIMEOUT", "the request ran out of time before its document was hashed: not stored", { limit: 0, status: 504 });
          const hash = hashed.hash;
          const ingestions = ingestionsOf<Ingested>(ctx.store);
          // One timer for the whole operation, reading the stored article back included: on a
          // busy database that read may wait for a connection, and the answer is then ACCEPTED
          // (ingestion(contentHash:) says STORED), not a TIMEOUT.
          const accepted = { status: "ACCEPTED" as const, contentHash: hash, article: null };
          const run = () => {
            handedOver = true;
            return ingest1(ctx, bytes, fileName, as).finally(release);
          };
          for (let attempt = 1; ; attempt++) {
            const { ingest, joined } = ingestions.start(hash, run, failureOf);
            const result = await Promise.race([ingest, timer.elapsed]).catch((error: unknown) => {
              throw error instanceof DocumentError ? badInput(`input.text: ${error.reason}`, "input.text") : error;
            });
            if (result === "accepted") return accepted;
            // A call that joined another's ingest of the same text did not store it: DUPLICATE.
            const status = joined ? "DUPLICATE" : STATUS[result.status];
            const article = await Promise.race([ctx.loaders.article.load(result.articleId), timer.elapsed]);
            if (article === "accepted") return accepted;
            if (article) return { status, contentHash: hash, article };
            // The stored article was deleted since: store it again (a second delete in between is an error).
            ctx.loaders.article.clear(result.articleId);
            if (attempt >= 2) throw new Error(`article ${result.articleId} was deleted while the same text was ingested again; retry`);
          }
        } finally {
          timer.cancel();
          if (!handedOver) release();
        }
      },
    });
    t.field("deleteArticle", {
      type: "DeleteArticlePayload",
      description: "Deletes an article with its mentions and quotes; entities no other article mentions go too, and the others' counts drop. Needs `Authorization: Bearer <API_TOKEN>`.",
      args: { id: nonNull(idArg({ description: "The global id of the Article to delete." })) },
      async resolve(_root, { id }, ctx: Context) {
        requireWriter(ctx.auth);
        const { id: articleId } = idOfType(id, ["Article"], "id");
        const result = await deleteArticle(ctx.store, articleId);
        if (!result.deleted) throw badInput(`id: no Article with id "${id}"`, "id");
        // After the commit: entityUpdated subscribers of the entities left re-read them.
        await publishStoreEvent(ctx.store, { articleIds: [], entities: result.updated });
        return { deletedId: toGlobalId("Article", articleId), title: result.title, removedEntityIds: result.removed.map((e) => toGlobalId(ENTITY_TYPE_INFO[e.type].node, e.id)) };
      },
    });
  },
});
