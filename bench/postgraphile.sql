-- What PostGraphile needs beyond the tables to answer the bench's operations the way our
-- API does, written the way one extends PostGraphile: SQL functions it exposes as fields
-- ("computed columns" on a table type, and a custom query for the search). They live in
-- their own schema, so `public` (our Prisma-managed tables) is untouched; the PostGraphile
-- server reflects `public` and this schema only. Applied (idempotently) by
-- `npm run bench:graphql` before PostGraphile starts. The search's query is filled in by the
-- bench (SEARCH_MODES in bench/graphql.ts).
CREATE SCHEMA IF NOT EXISTS postgraphile_bench;

-- Entity.articles: articles that mention the entity, newest first (our `person.articles`).
CREATE OR REPLACE FUNCTION postgraphile_bench.person_articles(p public.person) RETURNS SETOF public.article_person
LANGUAGE sql STABLE AS $$
  SELECT x.* FROM public.article_person x JOIN public.article a ON a.id = x.article_id
  WHERE x.person_id = p.id ORDER BY a.published_at DESC NULLS LAST, a.id DESC
$$;
CREATE OR REPLACE FUNCTION postgraphile_bench.place_articles(p public.place) RETURNS SETOF public.article_place
LANGUAGE sql STABLE AS $$
  SELECT x.* FROM public.article_place x JOIN public.article a ON a.id = x.article_id
  WHERE x.place_id = p.id ORDER BY a.published_at DESC NULLS LAST, a.id DESC
$$;

-- Person.related: people, organizations and places in the same articles, ranked as our
-- `relatedSlices` ranks them: by the association shared articles squared over the other
-- entity's articles, then shared articles, then mentions in them.
DO $$ BEGIN
  CREATE TYPE postgraphile_bench.related_entity AS (entity_type text, entity_id int, name text, shared_articles int);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION postgraphile_bench.person_related(p public.person) RETURNS SETOF postgraphile_bench.related_entity
LANGUAGE sql STABLE AS $$
  SELECT u.entity_type, u.entity_id, COALESCE(pe.name, o.name, pl.name), u.shared_articles FROM (
    SELECT 'person' AS entity_type, x.person_id AS entity_id, COUNT(*)::int AS shared_articles, SUM(x.mention_count) AS strength
      FROM public.article_person s JOIN public.article_person x ON x.article_id = s.article_id AND x.person_id <> s.person_id
      WHERE s.person_id = p.id GROUP BY x.person_id
    UNION ALL
    SELECT 'organization', x.organization_id, COUNT(*)::int, SUM(x.mention_count)
      FROM public.article_person s JOIN public.article_organization x ON x.article_id = s.article_id
      WHERE s.person_id = p.id GROUP BY x.organization_id
    UNION ALL
    SELECT 'place', x.place_id, COUNT(*)::int, SUM(x.mention_count)
      FROM public.article_person s JOIN public.article_place x ON x.article_id = s.article_id
      WHERE s.person_id = p.id GROUP BY x.place_id
  ) u
  LEFT JOIN public.person pe ON u.entity_type = 'person' AND pe.id = u.entity_id
  LEFT JOIN public.organization o ON u.entity_type = 'organization' AND o.id = u.entity_id
  LEFT JOIN public.place pl ON u.entity_type = 'place' AND pl.id = u.entity_id
  ORDER BY u.shared_articles * u.shared_articles * 1.0 / GREATEST(COALESCE(pe.article_count, o.article_count, pl.article_count), 1) DESC,
    u.shared_articles DESC, u.strength DESC, u.entity_type, u.entity_id
$$;

-- Query.postgraphileBenchSearchArticles: the articles filter's `search`.
CREATE OR REPLACE FUNCTION postgraphile_bench.search_articles(text text) RETURNS SETOF public.article
LANGUAGE sql STABLE AS $$
  :search_query
$$;
