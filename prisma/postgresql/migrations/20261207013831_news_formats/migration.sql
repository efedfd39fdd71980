-- AlterTable
ALTER TABLE "article" ADD COLUMN     "authors" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "language" TEXT,
ADD COLUMN     "minhash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publisher_id" INTEGER,
ADD COLUMN     "url" TEXT;

-- CreateTable
CREATE TABLE "publisher" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "publisher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_copy" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publisher_id" INTEGER,
    "authors" TEXT NOT NULL DEFAULT '[]',
    "published_at" TIMESTAMP(3),
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "copy_key" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_copy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_band" (
    "band_key" BIGINT NOT NULL,
    "article_id" INTEGER NOT NULL,

    CONSTRAINT "article_band_pkey" PRIMARY KEY ("band_key","article_id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "article_url_key" ON "article"("url");

-- CreateIndex
CREATE INDEX "article_publisher_id_id_idx" ON "article"("publisher_id", "id");

-- CreateIndex
CREATE INDEX "article_language_id_idx" ON "article"("language", "id");

-- AddForeignKey
ALTER TABLE "article" ADD CONSTRAINT "article_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publisher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_copy" ADD CONSTRAINT "article_copy_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_copy" ADD CONSTRAINT "article_copy_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publisher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_band" ADD CONSTRAINT "article_band_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
