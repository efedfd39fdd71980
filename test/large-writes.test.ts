// The store's writes of a large article on both databases: a body over 1 MiB, which SQLite
// binds as a parameter of its own rather than in a statement of JSON rows
// (src/store/sqlite/write.ts), and more mentions than PostgreSQL writes in one statement
// (src/store/postgres/write.ts). What is read back is what was written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { backends } from "./helpers/graph.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb } from "../src/store/client.ts";
import { saveArticle } from "../src/store/save-article.ts";
import type { ArticleRecord } from "../src/domain/article-record.ts";
import type { ResolvedArticle } from "../src/domain/resolved.ts";
import { bandKeys, fingerprint } from "../src/documents/near-duplicates.ts";
import { encodeFingerprint } from "../src/domain/fingerprint.ts";

const WORD = "Paris ";
const MENTIONS = 25_000;

function largeArticle(): { record: ArticleRecord; analysis: ResolvedArticle } {
  const body = WORD.repeat(200_000);
  const print = fingerprint(body);
  const record: ArticleRecord = {
    title: "Paris, again", body, publishedAt: new Date("2024-03-05T10:00:00.000Z"), sourceId: "LW-1", url: "https://example.com/paris", publisher: "Example News",
    authors: ["Ann Lee"], language: "en", fileName: "paris.txt", contentHash: "c".repeat(64), wordCount: 200_000, minhash: encodeFingerprint(print), bands: bandKeys(print.signature),
  };
  const mentions = Array.from({ length: MENTIONS }, (_, i) => ({ type: "PLACE" as const, key: "paris", start: i * WORD.length, end: i * WORD.length + 5 }));
  const analysis: ResolvedArticle = {
    entities: [{ type: "PLACE", key: "paris", name: "Paris", aliases: ["Paris"], mentionCount: MENTIONS, firstOffset: 0, geo: { kind: "CITY", countryCode: "FR", latitude: 48.8566, longitude: 2.3522, regionCode: null } }],
    quotes: [{ text: "Paris", start: 0, end: 5, cue: "said", speakerName: null, speaker: null }],
    mentions,
  };
  return { record, analysis };
}

for (const backend of await backends()) {
  test(`${backend.name}: an article of 1.2 MB with ${MENTIONS.toLocaleString("en")} mentions is read back as written`, { skip: backend.skip, timeout: 120_000 }, async () => {
    const b = await backend.make();
    try {
      await migrateDatabase(b.url);
      const store = await openDb(b.url);
      try {
        const { record, analysis } = largeArticle();
        const saved = await saveArticle(store, record, analysis);
        assert.equal(saved.status, "created");
        const article = await store.db.article.findUniqueOrThrow({ where: { id: saved.articleId }, include: { publisher: true } });
        assert.equal(article.body, record.body);
        assert.deepEqual(
          { title: article.title, publishedAt: article.publishedAt?.toISOString(), sourceId: article.sourceId, url: article.url, publisher: article.publisher?.name, authors: article.authors, language: article.language, wordCount: article.wordCount, contentHash: article.contentHash },
          { title: "Paris, again", publishedAt: "2024-03-05T10:00:00.000Z", sourceId: "LW-1", url: "https://example.com/paris", publisher: "Example News", authors: '["Ann Lee"]', language: "en", wordCount: 200_000, contentHash: record.contentHash },
        );
        assert.ok(Math.abs(article.createdAt.getTime() - Date.now()) < 60_000, `createdAt ${article.createdAt.toISOString()} is now`);
        const mentions = await store.db.entityMention.findMany({ where: { articleId: saved.articleId }, orderBy: { start: "asc" } });
        assert.equal(mentions.length, MENTIONS);
        assert.deepEqual(mentions.at(-1), { articleId: saved.articleId, start: (MENTIONS - 1) * WORD.length, end: (MENTIONS - 1) * WORD.length + 5, type: "PLACE", key: "paris" });
        const place = await store.db.place.findUniqueOrThrow({ where: { key: "paris" } });
        assert.deepEqual({ name: place.name, mentionCount: place.mentionCount, articleCount: place.articleCount, kind: place.kind }, { name: "Paris", mentionCount: MENTIONS, articleCount: 1, kind: "CITY" });
      } finally {
        await store.close();
      }
    } finally {
      await b.dispose();
    }
  });
}
