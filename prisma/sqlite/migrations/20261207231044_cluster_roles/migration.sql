-- AlterTable
ALTER TABLE "entity_cluster" ADD COLUMN "roles" TEXT;
