-- AlterTable
ALTER TABLE "place" ADD COLUMN     "region_code" TEXT;

-- CreateTable
CREATE TABLE "article_demonym" (
    "article_id" INTEGER NOT NULL,
    "place_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "first_offset" INTEGER NOT NULL,

    CONSTRAINT "article_demonym_pkey" PRIMARY KEY ("article_id","place_id")
);

-- CreateIndex
CREATE INDEX "article_demonym_place_id_article_id_idx" ON "article_demonym"("place_id", "article_id");

-- CreateIndex
CREATE INDEX "place_country_code_kind_idx" ON "place"("country_code", "kind");

-- CreateIndex
CREATE INDEX "place_region_code_idx" ON "place"("region_code");

-- CreateIndex
CREATE INDEX "place_latitude_longitude_idx" ON "place"("latitude", "longitude");

-- AddForeignKey
ALTER TABLE "article_demonym" ADD CONSTRAINT "article_demonym_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_demonym" ADD CONSTRAINT "article_demonym_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;
