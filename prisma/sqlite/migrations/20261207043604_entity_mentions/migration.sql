-- CreateTable
CREATE TABLE "entity_mention" (
    "article_id" INTEGER NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    PRIMARY KEY ("article_id", "start_offset"),
    CONSTRAINT "entity_mention_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
