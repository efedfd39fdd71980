// Writes: ingest one document, delete one article. Both need the API token (../auth.ts).
import { arg, idArg, inputObjectType, mutationType, nonNull, objectType } from "nexus";
import type { Context } from "../context.ts";
import { requireWriter } from "../auth.ts";
import { badInput } from "../errors.ts";
import { idOfType, toGlobalId } from "../ids.ts";
import { ingestDocument } from "../../ingest/load.ts";
import { DocumentError } from "../../ingest/parse.ts";
import { deleteArticle } from "../../store/save-article.ts";
import { ingestArticles } from "../../metrics.ts";

const MAX_FILE_NAME = 255;

export const IngestArticleInput = inputObjectType({
  name: "IngestArticleInput",
  definition(t) {
    t.nonNull.string("text", { description: "The document, in one of the loader's formats (seed layout, or a title line then the body)." });
    t.nonNull.string("fileName", { description: "Where the document came from; stored as the article's fileName." });
  },
});

export const IngestArticlePayload = objectType({
  name: "IngestArticlePayload",
  definition(t) {
    t.nonNull.boolean("created", { description: "False when the same text was already stored: the article is the existing one." });
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
          result = await ingestDocument(ctx.store, Buffer.from(input.text, "utf8"), fileName, { maxDocumentBytes: ctx.maxDocumentBytes, pool: ctx.analysis });
        } catch (error) {
          if (!(error instanceof DocumentError)) throw error;
          ingestArticles.inc({ outcome: "failed" });
          throw badInput(`input.text: ${error.reason}`, "input.text");
        }
        ingestArticles.inc({ outcome: result.status === "created" ? "loaded" : "duplicate" });
        const article = await ctx.loaders.article.load(result.articleId);
        if (!article) throw new Error(`article ${result.articleId} was stored but cannot be read back`);
        return { created: result.status === "created", article };
      },
    });
    t.field("deleteArticle", {
      type: "DeleteArticlePayload",
      description: "Deletes an article with its mentions and quotes; entities no other article mentions go too, and the others' counts drop. Needs `Authorization: Bearer <API_TOKEN>`.",
      args: { id: nonNull(idArg()) },
      async resolve(_root, { id }, ctx: Context) {
        requireWriter(ctx.auth);
        const { id: articleId } = idOfType(id, ["Article"], "id");
        const result = await deleteArticle(ctx.store.writer, articleId, ctx.store.provider);
        if (!result.deleted) throw badInput(`id: no Article with id "${id}"`, "id");
        return { deletedId: toGlobalId("Article", articleId), title: result.title, removedEntities: result.removedEntities };
      },
    });
  },
});
