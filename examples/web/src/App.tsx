// Three views by the URL's hash: the article list (always shown, live), an article with
// its mentions linked and quotes highlighted (#/article/ID), an entity (#/entity/ID).
import { useEffect, useState } from "react";
import { useApolloClient, useQuery, useSubscription } from "@apollo/client/react";
import {
  WebArticleAddedDocument, WebArticleDocument, WebArticlesDocument, WebEntityDocument,
  type ArticleSummaryFragment, type WebArticleQuery,
} from "../../generated/graphql.ts";
import { regions } from "./spans.ts";

const PAGE = { first: 20 };

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return hash;
}

export function App() {
  const hash = useHash();
  const [, view, id] = /^#\/(article|entity)\/(.+)$/.exec(hash) ?? [];
  return (
    <div style={{ display: "flex", gap: "2em", fontFamily: "sans-serif", margin: "1em" }}>
      <nav style={{ flex: "0 0 22em" }}>
        <h1><a href="#/">newsgraph</a></h1>
        <ArticleList />
      </nav>
      <main style={{ flex: 1, maxWidth: "48em" }}>
        {view === "article" && id ? <ArticleView id={decodeURIComponent(id)} /> : null}
        {view === "entity" && id ? <EntityView id={decodeURIComponent(id)} /> : null}
        {!view ? <p>Choose an article.</p> : null}
      </main>
    </div>
  );
}

function ArticleList() {
  const client = useApolloClient();
  const { data, error } = useQuery(WebArticlesDocument, { variables: PAGE });
  // A new article goes to the top of the cached list, so the list shows it at once.
  useSubscription(WebArticleAddedDocument, {
    onData: ({ data: result }) => {
      const added = result.data?.articleAdded;
      if (!added) return;
      client.cache.updateQuery({ query: WebArticlesDocument, variables: PAGE }, (list) => {
        if (!list || list.articles.edges.some((e) => e.node.id === added.id)) return list;
        return { ...list, articles: { ...list.articles, edges: [{ __typename: "ArticleEdge" as const, node: added }, ...list.articles.edges] } };
      });
    },
  });
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <ul data-testid="articles">
      {data.articles.edges.map(({ node }) => <ArticleItem key={node.id} article={node} />)}
    </ul>
  );
}

function ArticleItem({ article }: { article: ArticleSummaryFragment }) {
  return (
    <li>
      <a href={`#/article/${encodeURIComponent(article.id)}`}>{article.title}</a>
      <small> {[article.publisher?.name, article.publishedAt?.slice(0, 10)].filter(Boolean).join(", ")}</small>
    </li>
  );
}

type ArticleNode = Extract<NonNullable<WebArticleQuery["node"]>, { __typename: "Article" }>;

function ArticleView({ id }: { id: string }) {
  const { data, error, fetchMore } = useQuery(WebArticleDocument, { variables: { id } });
  const article = data?.node?.__typename === "Article" ? (data.node as ArticleNode) : undefined;
  const next = article?.mentions.pageInfo.hasNextPage ? article.mentions.pageInfo.endCursor : null;
  // Mentions come 100 at a time: fetch the rest, the cache joins the pages.
  useEffect(() => {
    if (next) void fetchMore({ variables: { after: next } });
  }, [next, fetchMore]);
  if (error) return <p role="alert">{error.message}</p>;
  if (!article) return <p>Loading…</p>;
  const mentions = article.mentions.edges.map((e) => e.node);
  const quotes = article.quotes.edges.map((e) => e.node);
  return (
    <article>
      <h2>{article.title}</h2>
      <p><small>{article.publishedAt ?? "undated"} · {article.mentions.totalCount} mentions · {quotes.length} quotes</small></p>
      <div data-testid="body" style={{ whiteSpace: "pre-wrap", lineHeight: 1.5 }}>
        {regions(article.body, quotes, mentions).map((region, i) => {
          const pieces = region.pieces.map((piece, j) =>
            piece.mention?.entity ? (
              <a key={j} className="mention" data-type={piece.mention.entity.__typename} href={`#/entity/${encodeURIComponent(piece.mention.entity.id)}`} title={piece.mention.entity.name}>
                {piece.text}
              </a>
            ) : (
              <span key={j}>{piece.text}</span>
            ),
          );
          if (!region.quote) return <span key={i}>{pieces}</span>;
          const speaker = region.quote.speaker?.name ?? region.quote.speakerName ?? "unknown speaker";
          return <mark key={i} className="quote" title={`said by ${speaker}`}>{pieces}</mark>;
        })}
      </div>
    </article>
  );
}

function EntityView({ id }: { id: string }) {
  const { data, error } = useQuery(WebEntityDocument, { variables: { id } });
  if (error) return <p role="alert">{error.message}</p>;
  const entity = data?.node;
  if (!entity) return <p>Loading…</p>;
  if (entity.__typename !== "Person" && entity.__typename !== "Organization" && entity.__typename !== "Place") return <p>Not an entity.</p>;
  return (
    <section>
      <h2 data-testid="entity-name">{entity.name}</h2>
      <p>{entity.__typename}, {entity.mentionCount} mentions; also written {entity.aliases.join(", ")}.</p>
      <ul>
        {entity.articles.edges.map(({ node }) => <li key={node.id}><a href={`#/article/${encodeURIComponent(node.id)}`}>{node.title}</a></li>)}
      </ul>
    </section>
  );
}
