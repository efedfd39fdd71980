// Writes: ingest one document, delete one article. Both need the API token (../auth.ts).
import { arg, enumType, idArg, inputObjectType, mutationType, nonNull, objectType } from "nexus";
import type { Context } from "../context.ts";
import { requireWriter } from "../auth.ts";
import { badInput } from "../errors.ts";
import { idOfType, toGlobalId } from "../ids.ts";
import { ingestDocument } from "../../ingest/load.ts";
import { DocumentError } from "../../ingest/parse.ts";
import { deleteArticle } from "../../store/save-article.ts";
import { ingestArticles } from "../../metrics.ts";
import { metaFromFields } from "../../ingest/formats/record.ts";
import type { ReadAs } from "../../ingest/prepare.ts";
import type { DocumentMeta } from "../../ingest/types.ts";
import type { NexusGenInputs } from "../generated/nexus-typegen.ts";

const MAX_FILE_NAME = 255;

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
  definition(t) {
    t.nonNull.string("text", { description: "The document, in one of the loader's formats (seed layout, or a title line then the body)." });
    t.nonNull.string("fileName", { description: "Where the document came from; stored as the article's fileName." });
    t.field("format", { type: "DocumentFormat", description: "How to read `text`; default: HTML when it starts like a page or fileName ends in .html, else the text layouts." });
    t.string("title", { description: "Overrides the document's own (as do the fields below)." });
    t.string("url", { description: "The article's URL: the same URL again is the same article, updated if its text changed." });
    t.string("publisher", { description: "The outlet's name or domain." });
    t.list.nonNull.string("authors");
    t.field("publishedAt", { type: "DateTime" });
    t.string("language", { description: "BCP 47 tag (`en`, `en-GB`)." });
  },
});

export const DocumentFormat = enumType({
  name: "DocumentFormat",
  members: [
    { name: "TEXT", description: "The seed or plain text layout, with optional front matter." },
    { name: "HTML", description: "A news page: Readability extracts the article." },
    { name: "JSON", description: "One JSON record with news-please or NewsAPI field names, as a line of a JSON Lines file." },
  ],
});

export const IngestStatus = enumType({
  name: "IngestStatus",
  members: [
    { name: "CREATED", description: "A new article." },
    { name: "UPDATED", description: "Its text went into a stored article: the same URL with a changed text, or an earlier near-duplicate (the stored text became a copy)." },
    { name: "COPY", description: "Recorded as another copy of the article (a near-duplicate, or the same text from another URL)." },
    { name: "DUPLICATE", description: "Already stored; nothing changed." },
  ],
});

export const IngestArticlePayload = objectType({
  name: "IngestArticlePayload",
  definition(t) {
    t.nonNull.boolean("created", { description: "False when the same text was already stored: the article is the existing one." });
    t.nonNull.field("status", { type: "IngestStatus", description: "What storing it did; `article` is the article it is, or is a copy of." });
    t.nonNull.field("article", { type: "Article" });
  },
});

export const DeleteArticlePayload = objectType({
  name: "DeleteArticlePayload",
  definition(t) {
    t.nonNull.id("deletedId", { description: "The id of the deleted article." });
    t.nonNull.string("title");
    t.nonNull.int("removedEntities", { description: "People, organizations and places deleted because no other article mentions them." });
  },
});

export const Mutation = mutationType({
  definition(t) {
    t.field("ingestArticle", {
      type: "IngestArticlePayload",
      description: "Parses, analyses and stores a document, as the loader does. Idempotent: the same text returns the stored article with `created: false`. Needs `Authorization: Bearer <API_TOKEN>`.",
      args: { input: nonNull(arg({ type: "IngestArticleInput" })) },
      async resolve(_root, { input }, ctx: Context) {
        requireWriter(ctx.auth);
        const fileName = input.fileName.trim();
        if (!fileName || fileName.length > MAX_FILE_NAME || /[\u0000-\u001f\u007f]/.test(fileName)) {
          throw badInput(`input.fileName must be 1 to ${MAX_FILE_NAME} characters without control characters`, "input.fileName");
        }
        let result;
        try {
          result = await ingestDocument(ctx.store, Buffer.from(input.text, "utf8"), fileName, {
            maxDocumentBytes: ctx.maxDocumentBytes,
            pool: ctx.analysis,
            ...readAs(input),
          });
        } catch (error) {
          if (!(error instanceof DocumentError)) throw error;
          ingestArticles.inc({ outcome: "failed" });
          throw badInput(`input.text: ${error.reason}`, "input.text");
        }
        ingestArticles.inc({ outcome: result.status === "created" || result.status === "updated" ? "loaded" : "duplicate" });
        const article = await ctx.loaders.article.load(result.articleId);
        if (!article) throw new Error(`article ${result.articleId} was stored but cannot be read back`);
        return { created: result.status === "created", status: STATUS[result.status], article };
      },
    });
    t.field("deleteArticle", {
      type: "DeleteArticlePayload",
      description: "Deletes an article with its mentions and quotes; entities no other article mentions go too, and the others' counts drop. Needs `Authorization: Bearer <API_TOKEN>`.",
      args: { id: nonNull(idArg()) },
      async resolve(_root, { id }, ctx: Context) {
        requireWriter(ctx.auth);
        const { id: articleId } = idOfType(id, ["Article"], "id");
        const result = await deleteArticle(ctx.store.writer, articleId);
        if (!result.deleted) throw badInput(`id: no Article with id "${id}"`, "id");
        return { deletedId: toGlobalId("Article", articleId), title: result.title, removedEntities: result.removedEntities };
      },
    });
  },
});
