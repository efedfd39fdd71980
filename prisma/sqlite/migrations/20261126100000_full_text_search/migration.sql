-- Full-text search (hand-written: Prisma's schema cannot express FTS5 tables or triggers).
-- The FTS5 tables are declared external to Prisma Migrate (FULL_TEXT_TABLES in
-- src/store/search-tables.ts), so diffs neither create nor drop them. Triggers keep them in
-- step with every write, whatever statement makes it. A later migration that
-- redefines one of the tables below (Prisma's SQLite "RedefineTables") drops its
-- triggers: recreate them there (test/search.test.ts checks they exist).
-- Tokens: Unicode words, case and diacritics folded, English (Porter) stemming.

-- Articles: title and body, read from "article" itself (external content).
CREATE VIRTUAL TABLE "article_fts" USING fts5(title, body, content='article', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "article_fts_insert" AFTER INSERT ON "article" BEGIN
  INSERT INTO "article_fts" (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER "article_fts_delete" AFTER DELETE ON "article" BEGIN
  INSERT INTO "article_fts" ("article_fts", rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER "article_fts_update" AFTER UPDATE OF title, body ON "article" BEGIN
  INSERT INTO "article_fts" ("article_fts", rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO "article_fts" (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Quotes: the quoted text and the speaker as named.
CREATE VIRTUAL TABLE "quote_fts" USING fts5(text, speaker_name, content='quote', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "quote_fts_insert" AFTER INSERT ON "quote" BEGIN
  INSERT INTO "quote_fts" (rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
END;
CREATE TRIGGER "quote_fts_delete" AFTER DELETE ON "quote" BEGIN
  INSERT INTO "quote_fts" ("quote_fts", rowid, text, speaker_name) VALUES ('delete', old.id, old.text, old.speaker_name);
END;
CREATE TRIGGER "quote_fts_update" AFTER UPDATE OF text, speaker_name ON "quote" BEGIN
  INSERT INTO "quote_fts" ("quote_fts", rowid, text, speaker_name) VALUES ('delete', old.id, old.text, old.speaker_name);
  INSERT INTO "quote_fts" (rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
END;

-- Persons: the name and every alias (one row per person, rowid = id).
CREATE VIRTUAL TABLE "person_fts" USING fts5(name, aliases, tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "person_fts_insert" AFTER INSERT ON "person" BEGIN
  INSERT INTO "person_fts" (rowid, name, aliases) VALUES (new.id, new.name, (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = new.id));
END;
CREATE TRIGGER "person_fts_delete" AFTER DELETE ON "person" BEGIN
  DELETE FROM "person_fts" WHERE rowid = old.id;
END;
CREATE TRIGGER "person_fts_update" AFTER UPDATE OF name ON "person" BEGIN
  UPDATE "person_fts" SET name = new.name WHERE rowid = new.id;
END;
CREATE TRIGGER "person_alias_fts_insert" AFTER INSERT ON "person_alias" BEGIN
  UPDATE "person_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = new.person_id) WHERE rowid = new.person_id;
END;
CREATE TRIGGER "person_alias_fts_delete" AFTER DELETE ON "person_alias" BEGIN
  UPDATE "person_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = old.person_id) WHERE rowid = old.person_id;
END;
CREATE TRIGGER "person_alias_fts_update" AFTER UPDATE ON "person_alias" BEGIN
  UPDATE "person_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = old.person_id) WHERE rowid = old.person_id;
  UPDATE "person_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = new.person_id) WHERE rowid = new.person_id;
END;

-- Organizations: the name and every alias (one row per organization, rowid = id).
CREATE VIRTUAL TABLE "organization_fts" USING fts5(name, aliases, tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "organization_fts_insert" AFTER INSERT ON "organization" BEGIN
  INSERT INTO "organization_fts" (rowid, name, aliases) VALUES (new.id, new.name, (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = new.id));
END;
CREATE TRIGGER "organization_fts_delete" AFTER DELETE ON "organization" BEGIN
  DELETE FROM "organization_fts" WHERE rowid = old.id;
END;
CREATE TRIGGER "organization_fts_update" AFTER UPDATE OF name ON "organization" BEGIN
  UPDATE "organization_fts" SET name = new.name WHERE rowid = new.id;
END;
CREATE TRIGGER "organization_alias_fts_insert" AFTER INSERT ON "organization_alias" BEGIN
  UPDATE "organization_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = new.organization_id) WHERE rowid = new.organization_id;
END;
CREATE TRIGGER "organization_alias_fts_delete" AFTER DELETE ON "organization_alias" BEGIN
  UPDATE "organization_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = old.organization_id) WHERE rowid = old.organization_id;
END;
CREATE TRIGGER "organization_alias_fts_update" AFTER UPDATE ON "organization_alias" BEGIN
  UPDATE "organization_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = old.organization_id) WHERE rowid = old.organization_id;
  UPDATE "organization_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = new.organization_id) WHERE rowid = new.organization_id;
END;

-- Places: the name and every alias (one row per place, rowid = id).
CREATE VIRTUAL TABLE "place_fts" USING fts5(name, aliases, tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER "place_fts_insert" AFTER INSERT ON "place" BEGIN
  INSERT INTO "place_fts" (rowid, name, aliases) VALUES (new.id, new.name, (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = new.id));
END;
CREATE TRIGGER "place_fts_delete" AFTER DELETE ON "place" BEGIN
  DELETE FROM "place_fts" WHERE rowid = old.id;
END;
CREATE TRIGGER "place_fts_update" AFTER UPDATE OF name ON "place" BEGIN
  UPDATE "place_fts" SET name = new.name WHERE rowid = new.id;
END;
CREATE TRIGGER "place_alias_fts_insert" AFTER INSERT ON "place_alias" BEGIN
  UPDATE "place_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = new.place_id) WHERE rowid = new.place_id;
END;
CREATE TRIGGER "place_alias_fts_delete" AFTER DELETE ON "place_alias" BEGIN
  UPDATE "place_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = old.place_id) WHERE rowid = old.place_id;
END;
CREATE TRIGGER "place_alias_fts_update" AFTER UPDATE ON "place_alias" BEGIN
  UPDATE "place_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = old.place_id) WHERE rowid = old.place_id;
  UPDATE "place_fts" SET aliases = (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = new.place_id) WHERE rowid = new.place_id;
END;

-- Backfill from the rows already stored.
INSERT INTO "article_fts" ("article_fts") VALUES ('rebuild');
INSERT INTO "quote_fts" ("quote_fts") VALUES ('rebuild');
INSERT INTO "person_fts" (rowid, name, aliases) SELECT id, name, (SELECT group_concat(alias, ' ') FROM "person_alias" WHERE person_id = "person".id) FROM "person";
INSERT INTO "organization_fts" (rowid, name, aliases) SELECT id, name, (SELECT group_concat(alias, ' ') FROM "organization_alias" WHERE organization_id = "organization".id) FROM "organization";
INSERT INTO "place_fts" (rowid, name, aliases) SELECT id, name, (SELECT group_concat(alias, ' ') FROM "place_alias" WHERE place_id = "place".id) FROM "place";
