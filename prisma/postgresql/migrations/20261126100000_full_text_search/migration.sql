-- Full-text search (hand-written: Prisma's schema cannot express any of this).
-- Articles and quotes: a tsvector per row in a side table ("article_search",
-- "quote_search") with a GIN index, written by triggers on every insert and update
-- (deletes cascade), whatever statement makes them; ranking reads the stored
-- vector instead of parsing every matching body again. The side tables are
-- declared external to Prisma Migrate (FULL_TEXT_TABLES in src/store/search-tables.ts),
-- so its diffs neither create nor drop them. Entities: GIN indexes on the
-- tsvector of each name and alias, which PostgreSQL maintains by itself and
-- Prisma's diff ignores (expression indexes); the expressions must stay identical
-- to those in src/store/search.ts or the planner cannot use them (test/search.test.ts
-- checks that it does). English stemming and stop words. Each field of an article
-- or quote is indexed up to its first 250,000 characters (a tsvector holds at most
-- 1 MB of lexemes, and a longer document would fail to insert).

CREATE TABLE "article_search" (
    "article_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "article" ("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);

CREATE FUNCTION "article_search_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "article_search" ("article_id", "document")
    VALUES (NEW."id", setweight(to_tsvector('english'::regconfig, left(NEW."title", 250000)), 'A') || setweight(to_tsvector('english'::regconfig, left(NEW."body", 250000)), 'B'))
    ON CONFLICT ("article_id") DO UPDATE SET "document" = excluded."document";
    RETURN NULL;
END
$$;
CREATE TRIGGER "article_search_insert" AFTER INSERT ON "article" FOR EACH ROW EXECUTE FUNCTION "article_search_write"();
CREATE TRIGGER "article_search_update" AFTER UPDATE OF "title", "body" ON "article" FOR EACH ROW EXECUTE FUNCTION "article_search_write"();

CREATE TABLE "quote_search" (
    "quote_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "quote" ("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);

CREATE FUNCTION "quote_search_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "quote_search" ("quote_id", "document")
    VALUES (NEW."id", setweight(to_tsvector('english'::regconfig, left(NEW."text", 250000)), 'A') || setweight(to_tsvector('english'::regconfig, left(coalesce(NEW."speaker_name", ''), 250000)), 'B'))
    ON CONFLICT ("quote_id") DO UPDATE SET "document" = excluded."document";
    RETURN NULL;
END
$$;
CREATE TRIGGER "quote_search_insert" AFTER INSERT ON "quote" FOR EACH ROW EXECUTE FUNCTION "quote_search_write"();
CREATE TRIGGER "quote_search_update" AFTER UPDATE OF "text", "speaker_name" ON "quote" FOR EACH ROW EXECUTE FUNCTION "quote_search_write"();

CREATE INDEX "person_search_idx" ON "person" USING GIN ((to_tsvector('english'::regconfig, "name")));
CREATE INDEX "person_alias_search_idx" ON "person_alias" USING GIN ((to_tsvector('english'::regconfig, "alias")));

CREATE INDEX "organization_search_idx" ON "organization" USING GIN ((to_tsvector('english'::regconfig, "name")));
CREATE INDEX "organization_alias_search_idx" ON "organization_alias" USING GIN ((to_tsvector('english'::regconfig, "alias")));

CREATE INDEX "place_search_idx" ON "place" USING GIN ((to_tsvector('english'::regconfig, "name")));
CREATE INDEX "place_alias_search_idx" ON "place_alias" USING GIN ((to_tsvector('english'::regconfig, "alias")));

-- Backfill from the rows already stored (rows the triggers wrote meanwhile stay), then
-- index: a GIN index built at once has no pending list to merge.
INSERT INTO "article_search" ("article_id", "document")
SELECT "id", setweight(to_tsvector('english'::regconfig, left("title", 250000)), 'A') || setweight(to_tsvector('english'::regconfig, left("body", 250000)), 'B') FROM "article"
ON CONFLICT DO NOTHING;
INSERT INTO "quote_search" ("quote_id", "document")
SELECT "id", setweight(to_tsvector('english'::regconfig, left("text", 250000)), 'A') || setweight(to_tsvector('english'::regconfig, left(coalesce("speaker_name", ''), 250000)), 'B') FROM "quote"
ON CONFLICT DO NOTHING;

CREATE INDEX "article_search_document_idx" ON "article_search" USING GIN ("document");
CREATE INDEX "quote_search_document_idx" ON "quote_search" USING GIN ("document");

-- The planner's statistics for the new tables, so that the first searches already use the indexes.
ANALYZE "article_search";
ANALYZE "quote_search";
