import type { Sources } from "../source-types.ts";

import type { Context } from "./../context.ts"
import type { core } from "nexus"
declare global {
  interface NexusGenCustomInputMethods<TypeName extends string> {
    /**
     * A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. Input must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.
     */
    dateTime<FieldName extends string>(fieldName: FieldName, opts?: core.CommonInputFieldConfig<TypeName, FieldName>): void // "DateTime";
  }
}
declare global {
  interface NexusGenCustomOutputMethods<TypeName extends string> {
    /**
     * A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. Input must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.
     */
    dateTime<FieldName extends string>(fieldName: FieldName, ...opts: core.ScalarOutSpread<TypeName, FieldName>): void // "DateTime";
  }
}


declare global {
  interface NexusGen extends NexusGenTypes {}
}

export interface NexusGenInputs {
  ArticleFilter: { // input type
    author?: string | null; // String
    includeDemonyms?: boolean | null; // Boolean
    includeSubplaces?: boolean | null; // Boolean
    language?: string | null; // String
    organizationId?: string | null; // ID
    personId?: string | null; // ID
    placeId?: string | null; // ID
    publishedAfter?: NexusGenScalars['DateTime'] | null; // DateTime
    publishedBefore?: NexusGenScalars['DateTime'] | null; // DateTime
    publisherId?: string | null; // ID
    search?: string | null; // String
  }
  EntityFilter: { // input type
    search?: string | null; // String
  }
  GeoCircle: { // input type
    km: number; // Float!
    latitude: number; // Float!
    longitude: number; // Float!
  }
  IngestArticleInput: { // input type
    authors?: string[] | null; // [String!]
    fileName: string; // String!
    format?: NexusGenEnums['DocumentFormat'] | null; // DocumentFormat
    language?: string | null; // String
    publishedAt?: NexusGenScalars['DateTime'] | null; // DateTime
    publisher?: string | null; // String
    text: string; // String!
    title?: string | null; // String
    url?: string | null; // String
  }
  PlaceFilter: { // input type
    countryCode?: string | null; // String
    kind?: NexusGenEnums['PlaceKind'] | null; // PlaceKind
    near?: NexusGenInputs['GeoCircle'] | null; // GeoCircle
    search?: string | null; // String
  }
  PublishedFilter: { // input type
    publishedAfter?: NexusGenScalars['DateTime'] | null; // DateTime
    publishedBefore?: NexusGenScalars['DateTime'] | null; // DateTime
  }
  QuoteAddedFilter: { // input type
    search?: string | null; // String
    speakerId?: string | null; // ID
  }
  QuoteFilter: { // input type
    articleId?: string | null; // ID
    publishedAfter?: NexusGenScalars['DateTime'] | null; // DateTime
    publishedBefore?: NexusGenScalars['DateTime'] | null; // DateTime
    search?: string | null; // String
    speakerId?: string | null; // ID
  }
}

export interface NexusGenEnums {
  ArticleOrder: "PUBLISHED_AT_ASC" | "PUBLISHED_AT_DESC" | "RELEVANCE" | "TITLE_ASC" | "TITLE_DESC"
  DocumentFormat: "HTML" | "JSON" | "TEXT"
  EntityOrder: "ARTICLE_COUNT_DESC" | "MENTION_COUNT_DESC" | "NAME_ASC" | "NAME_DESC" | "RELEVANCE"
  EntityType: "ORGANIZATION" | "PERSON" | "PLACE"
  IngestStatus: "ACCEPTED" | "COPY" | "CREATED" | "DUPLICATE" | "UPDATED"
  IngestionState: "FAILED" | "PENDING" | "REJECTED" | "STORED" | "UNKNOWN"
  MentionOrder: "FIRST_MENTION" | "MENTION_COUNT_DESC" | "NAME_ASC" | "NAME_DESC"
  PlaceKind: "CITY" | "COUNTRY" | "OTHER" | "REGION"
  QuoteOrder: "PUBLISHED_AT_ASC" | "PUBLISHED_AT_DESC" | "READING_ORDER" | "RELEVANCE"
  TimelineInterval: "DAY" | "MONTH" | "WEEK"
  TopEntityOrder: "ARTICLE_COUNT_DESC" | "MENTION_COUNT_DESC"
}

export interface NexusGenScalars {
  String: string
  Int: number
  Float: number
  Boolean: boolean
  ID: string
  DateTime: Date
}

export interface NexusGenObjects {
  Article: Sources["Article"];
  ArticleConnection: Sources["ArticleConnection"];
  ArticleCopy: Sources["ArticleCopy"];
  ArticleEdge: Sources["ArticleEdge"];
  ArticleMentionConnection: Sources["ArticleMentionConnection"];
  ArticleMentionEdge: Sources["ArticleMentionEdge"];
  ArticleOrganizationConnection: Sources["ArticleOrganizationConnection"];
  ArticleOrganizationEdge: Sources["ArticleOrganizationEdge"];
  ArticlePersonConnection: Sources["ArticlePersonConnection"];
  ArticlePersonEdge: Sources["ArticlePersonEdge"];
  ArticlePlaceConnection: Sources["ArticlePlaceConnection"];
  ArticlePlaceEdge: Sources["ArticlePlaceEdge"];
  DeleteArticlePayload: Sources["DeleteArticlePayload"];
  EntityArticleConnection: Sources["EntityArticleConnection"];
  EntityArticleEdge: Sources["EntityArticleEdge"];
  EntityMention: Sources["EntityMention"];
  IngestArticlePayload: Sources["IngestArticlePayload"];
  Ingestion: Sources["Ingestion"];
  Mutation: {};
  Organization: Sources["Organization"];
  OrganizationConnection: Sources["OrganizationConnection"];
  OrganizationEdge: Sources["OrganizationEdge"];
  PageInfo: Sources["PageInfo"];
  Person: Sources["Person"];
  PersonConnection: Sources["PersonConnection"];
  PersonEdge: Sources["PersonEdge"];
  Place: Sources["Place"];
  PlaceConnection: Sources["PlaceConnection"];
  PlaceEdge: Sources["PlaceEdge"];
  Publisher: Sources["Publisher"];
  PublisherConnection: Sources["PublisherConnection"];
  PublisherEdge: Sources["PublisherEdge"];
  Query: {};
  Quote: Sources["Quote"];
  QuoteConnection: Sources["QuoteConnection"];
  QuoteEdge: Sources["QuoteEdge"];
  RelatedEntityConnection: Sources["RelatedEntityConnection"];
  RelatedEntityEdge: Sources["RelatedEntityEdge"];
  Snippet: { // root type
    highlights: NexusGenRootTypes['TextRange'][]; // [TextRange!]!
    html: string; // String!
    text: string; // String!
  }
  Subscription: {};
  TextRange: { // root type
    end: number; // Int!
    start: number; // Int!
  }
  TimelineBucket: { // root type
    articleCount: number; // Int!
    mentionCount: number; // Int!
    start: NexusGenScalars['DateTime']; // DateTime!
  }
  TopEntity: { // root type
    articleCount: number; // Int!
    entity: NexusGenRootTypes['Entity']; // Entity!
    mentionCount: number; // Int!
  }
}

export interface NexusGenInterfaces {
  Entity: Sources["Entity"];
  Node: core.Discriminate<'Article', 'required'> | core.Discriminate<'Organization', 'required'> | core.Discriminate<'Person', 'required'> | core.Discriminate<'Place', 'required'> | core.Discriminate<'Publisher', 'required'> | core.Discriminate<'Quote', 'required'>;
}

export interface NexusGenUnions {
  RelatedEntity: core.Discriminate<'Organization', 'required'> | core.Discriminate<'Person', 'required'> | core.Discriminate<'Place', 'required'>;
  Speaker: core.Discriminate<'Organization', 'required'> | core.Discriminate<'Person', 'required'>;
}

export type NexusGenRootTypes = NexusGenInterfaces & NexusGenObjects & NexusGenUnions

export type NexusGenAllTypes = NexusGenRootTypes & NexusGenScalars & NexusGenEnums

export interface NexusGenFieldTypes {
  Article: { // field return type
    authors: string[]; // [String!]!
    body: string; // String!
    copies: NexusGenRootTypes['ArticleCopy'][]; // [ArticleCopy!]!
    fileName: string; // String!
    id: string; // ID!
    language: string | null; // String
    mentions: NexusGenRootTypes['ArticleMentionConnection']; // ArticleMentionConnection!
    organizations: NexusGenRootTypes['ArticleOrganizationConnection']; // ArticleOrganizationConnection!
    people: NexusGenRootTypes['ArticlePersonConnection']; // ArticlePersonConnection!
    places: NexusGenRootTypes['ArticlePlaceConnection']; // ArticlePlaceConnection!
    publishedAt: NexusGenScalars['DateTime'] | null; // DateTime
    publisher: NexusGenRootTypes['Publisher'] | null; // Publisher
    quotes: NexusGenRootTypes['QuoteConnection']; // QuoteConnection!
    snippet: NexusGenRootTypes['Snippet'] | null; // Snippet
    sourceId: string | null; // String
    title: string; // String!
    url: string | null; // String
    wordCount: number; // Int!
  }
  ArticleConnection: { // field return type
    edges: NexusGenRootTypes['ArticleEdge'][]; // [ArticleEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  ArticleCopy: { // field return type
    authors: string[]; // [String!]!
    duplicateOf: NexusGenRootTypes['Article']; // Article!
    fileName: string; // String!
    publishedAt: NexusGenScalars['DateTime'] | null; // DateTime
    publisher: NexusGenRootTypes['Publisher'] | null; // Publisher
    similarity: number; // Float!
    title: string; // String!
    url: string | null; // String
  }
  ArticleEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Article']; // Article!
  }
  ArticleMentionConnection: { // field return type
    edges: NexusGenRootTypes['ArticleMentionEdge'][]; // [ArticleMentionEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  ArticleMentionEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['EntityMention']; // EntityMention!
  }
  ArticleOrganizationConnection: { // field return type
    edges: NexusGenRootTypes['ArticleOrganizationEdge'][]; // [ArticleOrganizationEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  ArticleOrganizationEdge: { // field return type
    cursor: string; // String!
    mentionCount: number; // Int!
    node: NexusGenRootTypes['Organization']; // Organization!
  }
  ArticlePersonConnection: { // field return type
    edges: NexusGenRootTypes['ArticlePersonEdge'][]; // [ArticlePersonEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  ArticlePersonEdge: { // field return type
    cursor: string; // String!
    mentionCount: number; // Int!
    node: NexusGenRootTypes['Person']; // Person!
  }
  ArticlePlaceConnection: { // field return type
    edges: NexusGenRootTypes['ArticlePlaceEdge'][]; // [ArticlePlaceEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  ArticlePlaceEdge: { // field return type
    cursor: string; // String!
    mentionCount: number; // Int!
    node: NexusGenRootTypes['Place']; // Place!
  }
  DeleteArticlePayload: { // field return type
    deletedId: string; // ID!
    removedEntities: number; // Int!
    removedEntityIds: string[]; // [ID!]!
    title: string; // String!
  }
  EntityArticleConnection: { // field return type
    edges: NexusGenRootTypes['EntityArticleEdge'][]; // [EntityArticleEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  EntityArticleEdge: { // field return type
    cursor: string; // String!
    mentionCount: number; // Int!
    node: NexusGenRootTypes['Article']; // Article!
  }
  EntityMention: { // field return type
    end: number; // Int!
    entity: NexusGenRootTypes['Entity'] | null; // Entity
    start: number; // Int!
    text: string; // String!
  }
  IngestArticlePayload: { // field return type
    article: NexusGenRootTypes['Article'] | null; // Article
    contentHash: string; // String!
    created: boolean; // Boolean!
    status: NexusGenEnums['IngestStatus']; // IngestStatus!
  }
  Ingestion: { // field return type
    article: NexusGenRootTypes['Article'] | null; // Article
    contentHash: string; // String!
    reason: string | null; // String
    state: NexusGenEnums['IngestionState']; // IngestionState!
  }
  Mutation: { // field return type
    deleteArticle: NexusGenRootTypes['DeleteArticlePayload'] | null; // DeleteArticlePayload
    ingestArticle: NexusGenRootTypes['IngestArticlePayload'] | null; // IngestArticlePayload
  }
  Organization: { // field return type
    aliases: string[]; // [String!]!
    articleCount: number; // Int!
    articles: NexusGenRootTypes['EntityArticleConnection']; // EntityArticleConnection!
    id: string; // ID!
    mentionCount: number; // Int!
    mentionTimeline: NexusGenRootTypes['TimelineBucket'][]; // [TimelineBucket!]!
    name: string; // String!
    quotes: NexusGenRootTypes['QuoteConnection']; // QuoteConnection!
    related: NexusGenRootTypes['RelatedEntityConnection']; // RelatedEntityConnection!
  }
  OrganizationConnection: { // field return type
    edges: NexusGenRootTypes['OrganizationEdge'][]; // [OrganizationEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  OrganizationEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Organization']; // Organization!
  }
  PageInfo: { // field return type
    endCursor: string | null; // String
    hasNextPage: boolean; // Boolean!
    hasPreviousPage: boolean; // Boolean!
    startCursor: string | null; // String
  }
  Person: { // field return type
    aliases: string[]; // [String!]!
    articleCount: number; // Int!
    articles: NexusGenRootTypes['EntityArticleConnection']; // EntityArticleConnection!
    id: string; // ID!
    mentionCount: number; // Int!
    mentionTimeline: NexusGenRootTypes['TimelineBucket'][]; // [TimelineBucket!]!
    name: string; // String!
    quotes: NexusGenRootTypes['QuoteConnection']; // QuoteConnection!
    related: NexusGenRootTypes['RelatedEntityConnection']; // RelatedEntityConnection!
  }
  PersonConnection: { // field return type
    edges: NexusGenRootTypes['PersonEdge'][]; // [PersonEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  PersonEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Person']; // Person!
  }
  Place: { // field return type
    aliases: string[]; // [String!]!
    articleCount: number; // Int!
    articles: NexusGenRootTypes['EntityArticleConnection']; // EntityArticleConnection!
    containedIn: NexusGenRootTypes['Place'] | null; // Place
    country: NexusGenRootTypes['Place'] | null; // Place
    countryCode: string | null; // String
    id: string; // ID!
    kind: NexusGenEnums['PlaceKind']; // PlaceKind!
    latitude: number | null; // Float
    longitude: number | null; // Float
    mentionCount: number; // Int!
    mentionTimeline: NexusGenRootTypes['TimelineBucket'][]; // [TimelineBucket!]!
    name: string; // String!
    regionCode: string | null; // String
    related: NexusGenRootTypes['RelatedEntityConnection']; // RelatedEntityConnection!
  }
  PlaceConnection: { // field return type
    edges: NexusGenRootTypes['PlaceEdge'][]; // [PlaceEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  PlaceEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Place']; // Place!
  }
  Publisher: { // field return type
    articleCount: number; // Int!
    articles: NexusGenRootTypes['ArticleConnection']; // ArticleConnection!
    id: string; // ID!
    name: string; // String!
  }
  PublisherConnection: { // field return type
    edges: NexusGenRootTypes['PublisherEdge'][]; // [PublisherEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  PublisherEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Publisher']; // Publisher!
  }
  Query: { // field return type
    articles: NexusGenRootTypes['ArticleConnection']; // ArticleConnection!
    ingestion: NexusGenRootTypes['Ingestion']; // Ingestion!
    node: NexusGenRootTypes['Node'] | null; // Node
    nodes: Array<NexusGenRootTypes['Node'] | null>; // [Node]!
    organizations: NexusGenRootTypes['OrganizationConnection']; // OrganizationConnection!
    people: NexusGenRootTypes['PersonConnection']; // PersonConnection!
    places: NexusGenRootTypes['PlaceConnection']; // PlaceConnection!
    publishers: NexusGenRootTypes['PublisherConnection']; // PublisherConnection!
    quotes: NexusGenRootTypes['QuoteConnection']; // QuoteConnection!
    topEntities: NexusGenRootTypes['TopEntity'][]; // [TopEntity!]!
  }
  Quote: { // field return type
    article: NexusGenRootTypes['Article']; // Article!
    cue: string | null; // String
    end: number; // Int!
    highlight: NexusGenRootTypes['Snippet'] | null; // Snippet
    id: string; // ID!
    speaker: NexusGenRootTypes['Speaker'] | null; // Speaker
    speakerName: string | null; // String
    start: number; // Int!
    text: string; // String!
  }
  QuoteConnection: { // field return type
    edges: NexusGenRootTypes['QuoteEdge'][]; // [QuoteEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  QuoteEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['Quote']; // Quote!
  }
  RelatedEntityConnection: { // field return type
    edges: NexusGenRootTypes['RelatedEntityEdge'][]; // [RelatedEntityEdge!]!
    pageInfo: NexusGenRootTypes['PageInfo']; // PageInfo!
    totalCount: number; // Int!
  }
  RelatedEntityEdge: { // field return type
    cursor: string; // String!
    node: NexusGenRootTypes['RelatedEntity']; // RelatedEntity!
    sharedArticles: number; // Int!
  }
  Snippet: { // field return type
    highlights: NexusGenRootTypes['TextRange'][]; // [TextRange!]!
    html: string; // String!
    text: string; // String!
  }
  Subscription: { // field return type
    articleAdded: NexusGenRootTypes['Article']; // Article!
    entityUpdated: NexusGenRootTypes['Entity']; // Entity!
    quoteAdded: NexusGenRootTypes['Quote']; // Quote!
  }
  TextRange: { // field return type
    end: number; // Int!
    start: number; // Int!
  }
  TimelineBucket: { // field return type
    articleCount: number; // Int!
    mentionCount: number; // Int!
    start: NexusGenScalars['DateTime']; // DateTime!
  }
  TopEntity: { // field return type
    articleCount: number; // Int!
    entity: NexusGenRootTypes['Entity']; // Entity!
    mentionCount: number; // Int!
  }
  Entity: { // field return type
    aliases: string[]; // [String!]!
    articleCount: number; // Int!
    articles: NexusGenRootTypes['EntityArticleConnection']; // EntityArticleConnection!
    id: string; // ID!
    mentionCount: number; // Int!
    mentionTimeline: NexusGenRootTypes['TimelineBucket'][]; // [TimelineBucket!]!
    name: string; // String!
    related: NexusGenRootTypes['RelatedEntityConnection']; // RelatedEntityConnection!
  }
  Node: { // field return type
    id: string; // ID!
  }
}

export interface NexusGenFieldTypeNames {
  Article: { // field return type name
    authors: 'String'
    body: 'String'
    copies: 'ArticleCopy'
    fileName: 'String'
    id: 'ID'
    language: 'String'
    mentions: 'ArticleMentionConnection'
    organizations: 'ArticleOrganizationConnection'
    people: 'ArticlePersonConnection'
    places: 'ArticlePlaceConnection'
    publishedAt: 'DateTime'
    publisher: 'Publisher'
    quotes: 'QuoteConnection'
    snippet: 'Snippet'
    sourceId: 'String'
    title: 'String'
    url: 'String'
    wordCount: 'Int'
  }
  ArticleConnection: { // field return type name
    edges: 'ArticleEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  ArticleCopy: { // field return type name
    authors: 'String'
    duplicateOf: 'Article'
    fileName: 'String'
    publishedAt: 'DateTime'
    publisher: 'Publisher'
    similarity: 'Float'
    title: 'String'
    url: 'String'
  }
  ArticleEdge: { // field return type name
    cursor: 'String'
    node: 'Article'
  }
  ArticleMentionConnection: { // field return type name
    edges: 'ArticleMentionEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  ArticleMentionEdge: { // field return type name
    cursor: 'String'
    node: 'EntityMention'
  }
  ArticleOrganizationConnection: { // field return type name
    edges: 'ArticleOrganizationEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  ArticleOrganizationEdge: { // field return type name
    cursor: 'String'
    mentionCount: 'Int'
    node: 'Organization'
  }
  ArticlePersonConnection: { // field return type name
    edges: 'ArticlePersonEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  ArticlePersonEdge: { // field return type name
    cursor: 'String'
    mentionCount: 'Int'
    node: 'Person'
  }
  ArticlePlaceConnection: { // field return type name
    edges: 'ArticlePlaceEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  ArticlePlaceEdge: { // field return type name
    cursor: 'String'
    mentionCount: 'Int'
    node: 'Place'
  }
  DeleteArticlePayload: { // field return type name
    deletedId: 'ID'
    removedEntities: 'Int'
    removedEntityIds: 'ID'
    title: 'String'
  }
  EntityArticleConnection: { // field return type name
    edges: 'EntityArticleEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  EntityArticleEdge: { // field return type name
    cursor: 'String'
    mentionCount: 'Int'
    node: 'Article'
  }
  EntityMention: { // field return type name
    end: 'Int'
    entity: 'Entity'
    start: 'Int'
    text: 'String'
  }
  IngestArticlePayload: { // field return type name
    article: 'Article'
    contentHash: 'String'
    created: 'Boolean'
    status: 'IngestStatus'
  }
  Ingestion: { // field return type name
    article: 'Article'
    contentHash: 'String'
    reason: 'String'
    state: 'IngestionState'
  }
  Mutation: { // field return type name
    deleteArticle: 'DeleteArticlePayload'
    ingestArticle: 'IngestArticlePayload'
  }
  Organization: { // field return type name
    aliases: 'String'
    articleCount: 'Int'
    articles: 'EntityArticleConnection'
    id: 'ID'
    mentionCount: 'Int'
    mentionTimeline: 'TimelineBucket'
    name: 'String'
    quotes: 'QuoteConnection'
    related: 'RelatedEntityConnection'
  }
  OrganizationConnection: { // field return type name
    edges: 'OrganizationEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  OrganizationEdge: { // field return type name
    cursor: 'String'
    node: 'Organization'
  }
  PageInfo: { // field return type name
    endCursor: 'String'
    hasNextPage: 'Boolean'
    hasPreviousPage: 'Boolean'
    startCursor: 'String'
  }
  Person: { // field return type name
    aliases: 'String'
    articleCount: 'Int'
    articles: 'EntityArticleConnection'
    id: 'ID'
    mentionCount: 'Int'
    mentionTimeline: 'TimelineBucket'
    name: 'String'
    quotes: 'QuoteConnection'
    related: 'RelatedEntityConnection'
  }
  PersonConnection: { // field return type name
    edges: 'PersonEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  PersonEdge: { // field return type name
    cursor: 'String'
    node: 'Person'
  }
  Place: { // field return type name
    aliases: 'String'
    articleCount: 'Int'
    articles: 'EntityArticleConnection'
    containedIn: 'Place'
    country: 'Place'
    countryCode: 'String'
    id: 'ID'
    kind: 'PlaceKind'
    latitude: 'Float'
    longitude: 'Float'
    mentionCount: 'Int'
    mentionTimeline: 'TimelineBucket'
    name: 'String'
    regionCode: 'String'
    related: 'RelatedEntityConnection'
  }
  PlaceConnection: { // field return type name
    edges: 'PlaceEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  PlaceEdge: { // field return type name
    cursor: 'String'
    node: 'Place'
  }
  Publisher: { // field return type name
    articleCount: 'Int'
    articles: 'ArticleConnection'
    id: 'ID'
    name: 'String'
  }
  PublisherConnection: { // field return type name
    edges: 'PublisherEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  PublisherEdge: { // field return type name
    cursor: 'String'
    node: 'Publisher'
  }
  Query: { // field return type name
    articles: 'ArticleConnection'
    ingestion: 'Ingestion'
    node: 'Node'
    nodes: 'Node'
    organizations: 'OrganizationConnection'
    people: 'PersonConnection'
    places: 'PlaceConnection'
    publishers: 'PublisherConnection'
    quotes: 'QuoteConnection'
    topEntities: 'TopEntity'
  }
  Quote: { // field return type name
    article: 'Article'
    cue: 'String'
    end: 'Int'
    highlight: 'Snippet'
    id: 'ID'
    speaker: 'Speaker'
    speakerName: 'String'
    start: 'Int'
    text: 'String'
  }
  QuoteConnection: { // field return type name
    edges: 'QuoteEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  QuoteEdge: { // field return type name
    cursor: 'String'
    node: 'Quote'
  }
  RelatedEntityConnection: { // field return type name
    edges: 'RelatedEntityEdge'
    pageInfo: 'PageInfo'
    totalCount: 'Int'
  }
  RelatedEntityEdge: { // field return type name
    cursor: 'String'
    node: 'RelatedEntity'
    sharedArticles: 'Int'
  }
  Snippet: { // field return type name
    highlights: 'TextRange'
    html: 'String'
    text: 'String'
  }
  Subscription: { // field return type name
    articleAdded: 'Article'
    entityUpdated: 'Entity'
    quoteAdded: 'Quote'
  }
  TextRange: { // field return type name
    end: 'Int'
    start: 'Int'
  }
  TimelineBucket: { // field return type name
    articleCount: 'Int'
    mentionCount: 'Int'
    start: 'DateTime'
  }
  TopEntity: { // field return type name
    articleCount: 'Int'
    entity: 'Entity'
    mentionCount: 'Int'
  }
  Entity: { // field return type name
    aliases: 'String'
    articleCount: 'Int'
    articles: 'EntityArticleConnection'
    id: 'ID'
    mentionCount: 'Int'
    mentionTimeline: 'TimelineBucket'
    name: 'String'
    related: 'RelatedEntityConnection'
  }
  Node: { // field return type name
    id: 'ID'
  }
}

export interface NexusGenArgTypes {
  Article: {
    mentions: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
    }
    organizations: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['MentionOrder'] | null; // MentionOrder
    }
    people: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['MentionOrder'] | null; // MentionOrder
    }
    places: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['MentionOrder'] | null; // MentionOrder
    }
    quotes: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
    }
    snippet: { // args
      search?: string | null; // String
    }
  }
  Mutation: {
    deleteArticle: { // args
      id: string; // ID!
    }
    ingestArticle: { // args
      input: NexusGenInputs['IngestArticleInput']; // IngestArticleInput!
    }
  }
  Organization: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
    mentionTimeline: { // args
      from: NexusGenScalars['DateTime']; // DateTime!
      interval: NexusGenEnums['TimelineInterval']; // TimelineInterval!
      to: NexusGenScalars['DateTime']; // DateTime!
    }
    quotes: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['QuoteOrder'] | null; // QuoteOrder
    }
    related: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      type?: NexusGenEnums['EntityType'] | null; // EntityType
    }
  }
  Person: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
    mentionTimeline: { // args
      from: NexusGenScalars['DateTime']; // DateTime!
      interval: NexusGenEnums['TimelineInterval']; // TimelineInterval!
      to: NexusGenScalars['DateTime']; // DateTime!
    }
    quotes: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['QuoteOrder'] | null; // QuoteOrder
    }
    related: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      type?: NexusGenEnums['EntityType'] | null; // EntityType
    }
  }
  Place: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
    mentionTimeline: { // args
      from: NexusGenScalars['DateTime']; // DateTime!
      interval: NexusGenEnums['TimelineInterval']; // TimelineInterval!
      to: NexusGenScalars['DateTime']; // DateTime!
    }
    related: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      type?: NexusGenEnums['EntityType'] | null; // EntityType
    }
  }
  Publisher: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
  }
  Query: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['ArticleFilter'] | null; // ArticleFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
    ingestion: { // args
      contentHash: string; // String!
    }
    node: { // args
      id: string; // ID!
    }
    nodes: { // args
      ids: string[]; // [ID!]!
    }
    organizations: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['EntityFilter'] | null; // EntityFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['EntityOrder'] | null; // EntityOrder
    }
    people: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['EntityFilter'] | null; // EntityFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['EntityOrder'] | null; // EntityOrder
    }
    places: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PlaceFilter'] | null; // PlaceFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['EntityOrder'] | null; // EntityOrder
    }
    publishers: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
    }
    quotes: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['QuoteFilter'] | null; // QuoteFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['QuoteOrder'] | null; // QuoteOrder
    }
    topEntities: { // args
      first: number | null; // Int
      from?: NexusGenScalars['DateTime'] | null; // DateTime
      orderBy: NexusGenEnums['TopEntityOrder'] | null; // TopEntityOrder
      to?: NexusGenScalars['DateTime'] | null; // DateTime
      type?: NexusGenEnums['EntityType'] | null; // EntityType
    }
  }
  Quote: {
    highlight: { // args
      search?: string | null; // String
    }
  }
  Subscription: {
    articleAdded: { // args
      filter?: NexusGenInputs['ArticleFilter'] | null; // ArticleFilter
    }
    entityUpdated: { // args
      id: string; // ID!
    }
    quoteAdded: { // args
      filter?: NexusGenInputs['QuoteAddedFilter'] | null; // QuoteAddedFilter
    }
  }
  Entity: {
    articles: { // args
      after?: string | null; // String
      before?: string | null; // String
      filter?: NexusGenInputs['PublishedFilter'] | null; // PublishedFilter
      first?: number | null; // Int
      last?: number | null; // Int
      orderBy?: NexusGenEnums['ArticleOrder'] | null; // ArticleOrder
    }
    mentionTimeline: { // args
      from: NexusGenScalars['DateTime']; // DateTime!
      interval: NexusGenEnums['TimelineInterval']; // TimelineInterval!
      to: NexusGenScalars['DateTime']; // DateTime!
    }
    related: { // args
      after?: string | null; // String
      before?: string | null; // String
      first?: number | null; // Int
      last?: number | null; // Int
      type?: NexusGenEnums['EntityType'] | null; // EntityType
    }
  }
}

export interface NexusGenAbstractTypeMembers {
  RelatedEntity: "Organization" | "Person" | "Place"
  Speaker: "Organization" | "Person"
  Entity: "Organization" | "Person" | "Place"
  Node: "Article" | "Organization" | "Person" | "Place" | "Publisher" | "Quote"
}

export interface NexusGenTypeInterfaces {
  Article: "Node"
  Organization: "Entity" | "Node"
  Person: "Entity" | "Node"
  Place: "Entity" | "Node"
  Publisher: "Node"
  Quote: "Node"
  Entity: "Node"
}

export type NexusGenObjectNames = keyof NexusGenObjects;

export type NexusGenInputNames = keyof NexusGenInputs;

export type NexusGenEnumNames = keyof NexusGenEnums;

export type NexusGenInterfaceNames = keyof NexusGenInterfaces;

export type NexusGenScalarNames = keyof NexusGenScalars;

export type NexusGenUnionNames = keyof NexusGenUnions;

export type NexusGenObjectsUsingAbstractStrategyIsTypeOf = never;

export type NexusGenAbstractsUsingStrategyResolveType = never;

export type NexusGenFeaturesConfig = {
  abstractTypeStrategies: {
    __typename: true
    isTypeOf: false
    resolveType: false
  }
}

export interface NexusGenTypes {
  context: Context;
  inputTypes: NexusGenInputs;
  rootTypes: NexusGenRootTypes;
  inputTypeShapes: NexusGenInputs & NexusGenEnums & NexusGenScalars;
  argTypes: NexusGenArgTypes;
  fieldTypes: NexusGenFieldTypes;
  fieldTypeNames: NexusGenFieldTypeNames;
  allTypes: NexusGenAllTypes;
  typeInterfaces: NexusGenTypeInterfaces;
  objectNames: NexusGenObjectNames;
  inputNames: NexusGenInputNames;
  enumNames: NexusGenEnumNames;
  interfaceNames: NexusGenInterfaceNames;
  scalarNames: NexusGenScalarNames;
  unionNames: NexusGenUnionNames;
  allInputTypes: NexusGenTypes['inputNames'] | NexusGenTypes['enumNames'] | NexusGenTypes['scalarNames'];
  allOutputTypes: NexusGenTypes['objectNames'] | NexusGenTypes['enumNames'] | NexusGenTypes['unionNames'] | NexusGenTypes['interfaceNames'] | NexusGenTypes['scalarNames'];
  allNamedTypes: NexusGenTypes['allInputTypes'] | NexusGenTypes['allOutputTypes']
  abstractTypes: NexusGenTypes['interfaceNames'] | NexusGenTypes['unionNames'];
  abstractTypeMembers: NexusGenAbstractTypeMembers;
  objectsUsingAbstractStrategyIsTypeOf: NexusGenObjectsUsingAbstractStrategyIsTypeOf;
  abstractsUsingStrategyResolveType: NexusGenAbstractsUsingStrategyResolveType;
  features: NexusGenFeaturesConfig;
}


declare global {
  interface NexusGenPluginTypeConfig<TypeName extends string> {
  }
  interface NexusGenPluginInputTypeConfig<TypeName extends string> {
  }
  interface NexusGenPluginFieldConfig<TypeName extends string, FieldName extends string> {
  }
  interface NexusGenPluginInputFieldConfig<TypeName extends string, FieldName extends string> {
  }
  interface NexusGenPluginSchemaConfig {
  }
  interface NexusGenPluginArgConfig {
  }
}