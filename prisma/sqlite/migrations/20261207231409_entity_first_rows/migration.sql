-- An entity's newest articles and a speaker's quotes read off an index (`first` of the edge
-- kinds in src/store/edges.ts): the mention tables carry their article's published_at, and each
-- has an index in newest-first order. The schema engine wrote the columns and indexes; the backfill and the
-- triggers that keep the copies equal to the article's date, whatever statement writes, are
-- hand-written (Prisma's schema cannot express triggers; its diffs ignore them).

-- AlterTable
ALTER TABLE "article_organization" ADD COLUMN "published_at" DATETIME;

-- AlterTable
ALTER TABLE "article_person" ADD COLUMN "published_at" DATETIME;

-- AlterTable
ALTER TABLE "article_place" ADD COLUMN "published_at" DATETIME;

-- Hand-written: the backfill and the triggers. The insert triggers rewrite a row only when its
-- date differs from its article's (without the condition, every mention row a loader wrote was
-- written twice, the undated ones too). A later migration that redefines one of these
-- tables (Prisma's SQLite "RedefineTables") drops its triggers: recreate them there.
UPDATE "article_person" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = "article_person"."article_id");
UPDATE "article_organization" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = "article_organization"."article_id");
UPDATE "article_place" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = "article_place"."article_id");

CREATE TRIGGER "article_person_published_at" AFTER INSERT ON "article_person"
WHEN new."published_at" IS NOT (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") BEGIN
  UPDATE "article_person" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") WHERE "article_id" = new."article_id" AND "person_id" = new."person_id";
END;
CREATE TRIGGER "article_organization_published_at" AFTER INSERT ON "article_organization"
WHEN new."published_at" IS NOT (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") BEGIN
  UPDATE "article_organization" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") WHERE "article_id" = new."article_id" AND "organization_id" = new."organization_id";
END;
CREATE TRIGGER "article_place_published_at" AFTER INSERT ON "article_place"
WHEN new."published_at" IS NOT (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") BEGIN
  UPDATE "article_place" SET "published_at" = (SELECT "published_at" FROM "article" WHERE "id" = new."article_id") WHERE "article_id" = new."article_id" AND "place_id" = new."place_id";
END;
CREATE TRIGGER "article_published_at" AFTER UPDATE OF "published_at" ON "article" BEGIN
  UPDATE "article_person" SET "published_at" = new."published_at" WHERE "article_id" = new."id";
  UPDATE "article_organization" SET "published_at" = new."published_at" WHERE "article_id" = new."id";
  UPDATE "article_place" SET "published_at" = new."published_at" WHERE "article_id" = new."id";
END;

-- CreateIndex
CREATE INDEX "article_organization_organization_id_published_at_article_id_idx" ON "article_organization"("organization_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "article_person_person_id_published_at_article_id_idx" ON "article_person"("person_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "article_place_place_id_published_at_article_id_idx" ON "article_place"("place_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "quote_speaker_person_id_article_id_start_offset_id_idx" ON "quote"("speaker_person_id", "article_id", "start_offset", "id");

-- CreateIndex
CREATE INDEX "quote_speaker_organization_id_article_id_start_offset_id_idx" ON "quote"("speaker_organization_id", "article_id", "start_offset", "id");
