// The values behind the schema's object types (Nexus "source types"): Prisma rows for
// the nodes, and the connection shapes of ./pagination.ts for the lists.
import type { Article, ArticleCopy, Organization, Person, Place, Publisher, Quote } from "../store/records.ts";
import type { Connection, Edge, PageInfo } from "./pagination.ts";

export type { Article, ArticleCopy, Organization, Person, Place, Publisher, Quote };

type Tagged<T, N extends string> = T & { __typename: N };
export type RelatedNode = Tagged<Person, "Person"> | Tagged<Organization, "Organization"> | Tagged<Place, "Place">;
export type SpeakerNode = Tagged<Person, "Person"> | Tagged<Organization, "Organization">;

export type MentionEdge<T> = Edge<T> & { mentionCount: number };
export type RelatedEdge = Edge<RelatedNode> & { sharedArticles: number };

/** A mention in an article's body; its text is read from the body when asked for. */
export interface EntityMention {
  start: number;
  end: number;
  body: () => Promise<string>;
  entity: { type: "person" | "organization" | "place"; id: number } | null;
}
export type ArticleMentionConnection = Connection<Edge<EntityMention>>;

export type ArticleConnection = Connection<Edge<Article>>;
export type PersonConnection = Connection<Edge<Person>>;
export type OrganizationConnection = Connection<Edge<Organization>>;
export type PlaceConnection = Connection<Edge<Place>>;
export type QuoteConnection = Connection<Edge<Quote>>;
export type ArticlePersonConnection = Connection<MentionEdge<Person>>;
export type ArticleOrganizationConnection = Connection<MentionEdge<Organization>>;
export type ArticlePlaceConnection = Connection<MentionEdge<Place>>;
export type EntityArticleConnection = Connection<MentionEdge<Article>>;
export type RelatedEntityConnection = Connection<RelatedEdge>;
export type PublisherConnection = Connection<Edge<Publisher>>;
export interface IngestArticlePayload {
  status: "CREATED" | "UPDATED" | "COPY" | "DUPLICATE" | "ACCEPTED";
  contentHash: string;
  /** Null while ACCEPTED: the article is not stored yet. */
  article: Article | null;
}
export interface Ingestion {
  contentHash: string;
  state: "STORED" | "PENDING" | "REJECTED" | "FAILED" | "UNKNOWN";
  reason: string | null;
  article: Article | null;
}
export interface DeleteArticlePayload {
  deletedId: string;
  title: string;
  /** Global ids of the people, organizations and places the delete removed. */
  removedEntityIds: string[];
}

/** Index of the source types by GraphQL type name, for Nexus's typegen mapping. */
export interface Sources {
  Article: Article;
  Person: Person;
  Organization: Organization;
  Place: Place;
  Quote: Quote;
  Publisher: Publisher;
  ArticleCopy: ArticleCopy;
  PublisherConnection: PublisherConnection;
  PublisherEdge: Edge<Publisher>;
  Entity: Person | Organization | Place;
  ArticleConnection: ArticleConnection;
  PersonConnection: PersonConnection;
  OrganizationConnection: OrganizationConnection;
  PlaceConnection: PlaceConnection;
  QuoteConnection: QuoteConnection;
  ArticlePersonConnection: ArticlePersonConnection;
  ArticleOrganizationConnection: ArticleOrganizationConnection;
  ArticlePlaceConnection: ArticlePlaceConnection;
  EntityArticleConnection: EntityArticleConnection;
  RelatedEntityConnection: RelatedEntityConnection;
  ArticleEdge: Edge<Article>;
  PersonEdge: Edge<Person>;
  OrganizationEdge: Edge<Organization>;
  PlaceEdge: Edge<Place>;
  QuoteEdge: Edge<Quote>;
  ArticlePersonEdge: MentionEdge<Person>;
  ArticleOrganizationEdge: MentionEdge<Organization>;
  ArticlePlaceEdge: MentionEdge<Place>;
  EntityArticleEdge: MentionEdge<Article>;
  RelatedEntityEdge: RelatedEdge;
  PageInfo: PageInfo;
  EntityMention: EntityMention;
  ArticleMentionConnection: ArticleMentionConnection;
  ArticleMentionEdge: Edge<EntityMention>;
  IngestArticlePayload: IngestArticlePayload;
  Ingestion: Ingestion;
  DeleteArticlePayload: DeleteArticlePayload;
}
