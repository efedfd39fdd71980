-- CreateTable
CREATE TABLE "publisher" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "article_copy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "article_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publisher_id" INTEGER,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "published_at" DATETIME,
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "copy_key" TEXT NOT NULL,
    "similarity" REAL NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "article_copy_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "article_copy_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publisher" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "article_band" (
    "band_key" BIGINT NOT NULL,
    "article_id" INTEGER NOT NULL,

    PRIMARY KEY ("band_key", "article_id"),
    CONSTRAINT "article_band_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" DATETIME,
    "source_id" TEXT,
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "word_count" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "url" TEXT,
    "publisher_id" INTEGER,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT,
    "minhash" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "article_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publisher" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_article" ("body", "content_hash", "created_at", "file_name", "id", "published_at", "source_id", "title", "word_count") SELECT "body", "content_hash", "created_at", "file_name", "id", "published_at", "source_id", "title", "word_count" FROM "article";
DROP TABLE "article";
ALTER TABLE "new_article" RENAME TO "article";
CREATE UNIQUE INDEX "article_content_hash_key" ON "article"("content_hash");
CREATE UNIQUE INDEX "article_url_key" ON "article"("url");
CREATE INDEX "article_published_at_id_idx" ON "article"("published_at", "id");
CREATE INDEX "article_title_id_idx" ON "article"("title", "id");
CREATE INDEX "article_source_id_idx" ON "article"("source_id");
CREATE INDEX "article_publisher_id_id_idx" ON "article"("publisher_id", "id");
CREATE INDEX "article_language_id_idx" ON "article"("language", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "publisher_key_key" ON "publisher"("key");

-- CreateIndex
CREATE UNIQUE INDEX "article_copy_copy_key_key" ON "article_copy"("copy_key");

-- CreateIndex
CREATE INDEX "article_copy_article_id_id_idx" ON "article_copy"("article_id", "id");

-- CreateIndex
CREATE INDEX "article_copy_content_hash_idx" ON "article_copy"("content_hash");

-- CreateIndex
CREATE INDEX "article_copy_url_idx" ON "article_copy"("url");

-- CreateIndex
CREATE INDEX "article_band_article_id_idx" ON "article_band"("article_id");

-- Redefining "article" dropped its full-text triggers (20261126100000_full_text_search); the index itself is
-- intact (same rowids), so the triggers are made again.
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
