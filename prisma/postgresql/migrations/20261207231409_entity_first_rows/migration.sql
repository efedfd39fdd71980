-- An entity's newest articles and a speaker's quotes read off an index (`first` of the edge
-- kinds in src/store/edges.ts): the mention tables carry their article's published_at, and each
-- has an index in newest-first order. The schema engine wrote the columns and indexes; the backfill and the
-- triggers that keep the copies equal to the article's date, whatever statement writes, are
-- hand-written (Prisma's schema cannot express triggers; its diffs ignore them).

-- AlterTable
ALTER TABLE "article_organization" ADD COLUMN     "published_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "article_person" ADD COLUMN     "published_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "article_place" ADD COLUMN     "published_at" TIMESTAMP(3);

-- Hand-written: the backfill and the triggers.
UPDATE "article_person" x SET "published_at" = a."published_at" FROM "article" a WHERE a."id" = x."article_id" AND a."published_at" IS NOT NULL;
UPDATE "article_organization" x SET "published_at" = a."published_at" FROM "article" a WHERE a."id" = x."article_id" AND a."published_at" IS NOT NULL;
UPDATE "article_place" x SET "published_at" = a."published_at" FROM "article" a WHERE a."id" = x."article_id" AND a."published_at" IS NOT NULL;

CREATE FUNCTION "mention_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."published_at" := (SELECT "published_at" FROM "article" WHERE "id" = NEW."article_id");
    RETURN NEW;
END
$$;
CREATE TRIGGER "article_person_published_at" BEFORE INSERT OR UPDATE OF "article_id", "published_at" ON "article_person" FOR EACH ROW EXECUTE FUNCTION "mention_published_at"();
CREATE TRIGGER "article_organization_published_at" BEFORE INSERT OR UPDATE OF "article_id", "published_at" ON "article_organization" FOR EACH ROW EXECUTE FUNCTION "mention_published_at"();
CREATE TRIGGER "article_place_published_at" BEFORE INSERT OR UPDATE OF "article_id", "published_at" ON "article_place" FOR EACH ROW EXECUTE FUNCTION "mention_published_at"();

CREATE FUNCTION "article_published_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "article_person" SET "published_at" = NEW."published_at" WHERE "article_id" = NEW."id";
    UPDATE "article_organization" SET "published_at" = NEW."published_at" WHERE "article_id" = NEW."id";
    UPDATE "article_place" SET "published_at" = NEW."published_at" WHERE "article_id" = NEW."id";
    RETURN NULL;
END
$$;
CREATE TRIGGER "article_published_at" AFTER UPDATE OF "published_at" ON "article" FOR EACH ROW
    WHEN (OLD."published_at" IS DISTINCT FROM NEW."published_at") EXECUTE FUNCTION "article_published_at"();

-- CreateIndex
CREATE INDEX "article_organization_organization_id_published_at_article_i_idx" ON "article_organization"("organization_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "article_person_person_id_published_at_article_id_idx" ON "article_person"("person_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "article_place_place_id_published_at_article_id_idx" ON "article_place"("place_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "quote_speaker_person_id_article_id_start_offset_id_idx" ON "quote"("speaker_person_id", "article_id", "start_offset", "id");

-- CreateIndex
CREATE INDEX "quote_speaker_organization_id_article_id_start_offset_id_idx" ON "quote"("speaker_organization_id", "article_id", "start_offset", "id");

-- The planner's statistics for the new column (all NULL in an undated corpus: without them
-- PostgreSQL guesses a few rows per entity and sorts an entity's whole range instead of reading
-- the index in order).
ANALYZE "article_person";
ANALYZE "article_organization";
ANALYZE "article_place";
