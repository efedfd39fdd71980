-- AlterTable
ALTER TABLE "quote" ADD COLUMN     "speaker_key" TEXT,
ADD COLUMN     "speaker_type" TEXT;

-- CreateTable
CREATE TABLE "entity_cluster" (
    "article_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "forms" TEXT NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "first_offset" INTEGER NOT NULL,
    "partial" BOOLEAN NOT NULL,
    "surname" TEXT,
    "given" TEXT,
    "gender" TEXT,
    "acronym" TEXT,

    CONSTRAINT "entity_cluster_pkey" PRIMARY KEY ("article_id","type","key")
);

-- CreateTable
CREATE TABLE "entity_redirect" (
    "type" TEXT NOT NULL,
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,

    CONSTRAINT "entity_redirect_pkey" PRIMARY KEY ("type","from_id")
);

-- CreateIndex
CREATE INDEX "entity_cluster_type_target_idx" ON "entity_cluster"("type", "target");

-- CreateIndex
CREATE INDEX "entity_cluster_type_surname_idx" ON "entity_cluster"("type", "surname");

-- CreateIndex
CREATE INDEX "entity_cluster_type_given_idx" ON "entity_cluster"("type", "given");

-- CreateIndex
CREATE INDEX "entity_cluster_type_acronym_idx" ON "entity_cluster"("type", "acronym");

-- CreateIndex
CREATE INDEX "entity_redirect_type_to_id_idx" ON "entity_redirect"("type", "to_id");

-- AddForeignKey
ALTER TABLE "entity_cluster" ADD CONSTRAINT "entity_cluster_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
