-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('COUNTRY', 'REGION', 'CITY', 'OTHER');

-- CreateTable
CREATE TABLE "article" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published_at" TIMESTAMP(3),
    "source_id" TEXT,
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "word_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "mention_count" INTEGER NOT NULL DEFAULT 0,
    "article_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "mention_count" INTEGER NOT NULL DEFAULT 0,
    "article_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL DEFAULT 'OTHER',
    "country_code" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "mention_count" INTEGER NOT NULL DEFAULT 0,
    "article_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_alias" (
    "person_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "person_alias_pkey" PRIMARY KEY ("person_id","alias")
);

-- CreateTable
CREATE TABLE "organization_alias" (
    "organization_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "organization_alias_pkey" PRIMARY KEY ("organization_id","alias")
);

-- CreateTable
CREATE TABLE "place_alias" (
    "place_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "place_alias_pkey" PRIMARY KEY ("place_id","alias")
);

-- CreateTable
CREATE TABLE "article_person" (
    "article_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "first_offset" INTEGER NOT NULL,

    CONSTRAINT "article_person_pkey" PRIMARY KEY ("article_id","person_id")
);

-- CreateTable
CREATE TABLE "article_organization" (
    "article_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "first_offset" INTEGER NOT NULL,

    CONSTRAINT "article_organization_pkey" PRIMARY KEY ("article_id","organization_id")
);

-- CreateTable
CREATE TABLE "article_place" (
    "article_id" INTEGER NOT NULL,
    "place_id" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "first_offset" INTEGER NOT NULL,

    CONSTRAINT "article_place_pkey" PRIMARY KEY ("article_id","place_id")
);

-- CreateTable
CREATE TABLE "quote" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "cue" TEXT,
    "speaker_name" TEXT,
    "speaker_person_id" INTEGER,
    "speaker_organization_id" INTEGER,

    CONSTRAINT "quote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_content_hash_key" ON "article"("content_hash");

-- CreateIndex
CREATE INDEX "article_published_at_id_idx" ON "article"("published_at", "id");

-- CreateIndex
CREATE INDEX "article_title_id_idx" ON "article"("title", "id");

-- CreateIndex
CREATE INDEX "article_source_id_idx" ON "article"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_key_key" ON "person"("key");

-- CreateIndex
CREATE INDEX "person_mention_count_id_idx" ON "person"("mention_count", "id");

-- CreateIndex
CREATE INDEX "person_name_id_idx" ON "person"("name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_key_key" ON "organization"("key");

-- CreateIndex
CREATE INDEX "organization_mention_count_id_idx" ON "organization"("mention_count", "id");

-- CreateIndex
CREATE INDEX "organization_name_id_idx" ON "organization"("name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "place_key_key" ON "place"("key");

-- CreateIndex
CREATE INDEX "place_mention_count_id_idx" ON "place"("mention_count", "id");

-- CreateIndex
CREATE INDEX "place_name_id_idx" ON "place"("name", "id");

-- CreateIndex
CREATE INDEX "person_alias_alias_idx" ON "person_alias"("alias");

-- CreateIndex
CREATE INDEX "organization_alias_alias_idx" ON "organization_alias"("alias");

-- CreateIndex
CREATE INDEX "place_alias_alias_idx" ON "place_alias"("alias");

-- CreateIndex
CREATE INDEX "article_person_person_id_article_id_idx" ON "article_person"("person_id", "article_id");

-- CreateIndex
CREATE INDEX "article_organization_organization_id_article_id_idx" ON "article_organization"("organization_id", "article_id");

-- CreateIndex
CREATE INDEX "article_place_place_id_article_id_idx" ON "article_place"("place_id", "article_id");

-- CreateIndex
CREATE INDEX "quote_article_id_start_offset_idx" ON "quote"("article_id", "start_offset");

-- CreateIndex
CREATE INDEX "quote_speaker_person_id_id_idx" ON "quote"("speaker_person_id", "id");

-- CreateIndex
CREATE INDEX "quote_speaker_organization_id_id_idx" ON "quote"("speaker_organization_id", "id");

-- AddForeignKey
ALTER TABLE "person_alias" ADD CONSTRAINT "person_alias_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_alias" ADD CONSTRAINT "organization_alias_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_alias" ADD CONSTRAINT "place_alias_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_person" ADD CONSTRAINT "article_person_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_person" ADD CONSTRAINT "article_person_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_organization" ADD CONSTRAINT "article_organization_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_organization" ADD CONSTRAINT "article_organization_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_place" ADD CONSTRAINT "article_place_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_place" ADD CONSTRAINT "article_place_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_speaker_person_id_fkey" FOREIGN KEY ("speaker_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_speaker_organization_id_fkey" FOREIGN KEY ("speaker_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
