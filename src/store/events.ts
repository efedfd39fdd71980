// What changed in the store, for live updates (GraphQL subscriptions). Events carry ids
// only; subscribers re-read what they need. On PostgreSQL they travel through
// LISTEN/NOTIFY, so a server hears what every loader, queue worker and other server
// stored in the database; on SQLite, within the process that wrote them.
import { EventEmitter } from "node:events";
import type { DbHandle } from "./dialect.ts";
import { logger } from "../logger.ts";

/** An entity whose data changed without an article that mentions it being stored. */
export interface EntityRef {
  type: "PERSON" | "ORGANIZATION" | "PLACE";
  id: number;
}

/**
 * One committed transaction: the articles it stored (created, not duplicates), and the
 * entities it changed otherwise (a delete: the people, organizations and places its
 * article mentioned that remain, with lower counts).
 */
export interface StoreEvent {
  articleIds: number[];
  entities?: EntityRef[];
}

const LETTER = { PERSON: "p", ORGANIZATION: "o", PLACE: "l" } as const;
const TYPE_OF_LETTER = { p: "PERSON", o: "ORGANIZATION", l: "PLACE" } as const;

export const EVENT_CHANNEL = "newsgraph_events";
/** NOTIFY payloads must stay under 8000 bytes: ids go in chunks of at most this many characters. */
const MAX_PAYLOAD_CHARS = 7000;

const local = new WeakMap<DbHandle, EventEmitter>();
const emitterOf = (store: DbHandle) => {
  let emitter = local.get(store);
  if (!emitter) local.set(store, (emitter = new EventEmitter().setMaxListeners(0)));
  return emitter;
};

/** Payloads of at most MAX_PAYLOAD_CHARS: `{"a":[1,2,...]}` per chunk of article ids, `{"e":["p1","l7",...]}` per chunk of entities. */
export function eventPayloads(event: StoreEvent): string[] {
  const payloads: string[] = [];
  const chunked = <T>(key: string, items: readonly T[]) => {
    let chunk: T[] = [];
    let length = 0;
    for (const item of items) {
      const size = JSON.stringify(item).length + 1;
      if (chunk.length && length + size + 8 > MAX_PAYLOAD_CHARS) {
        payloads.push(JSON.stringify({ [key]: chunk }));
        chunk = [];
        length = 0;
      }
      chunk.push(item);
      length += size;
    }
    if (chunk.length) payloads.push(JSON.stringify({ [key]: chunk }));
  };
  chunked("a", event.articleIds);
  chunked("e", (event.entities ?? []).map((e) => `${LETTER[e.type]}${e.id}`));
  return payloads;
}

function parsePayload(payload: string | undefined): StoreEvent | undefined {
  try {
    const parsed = JSON.parse(payload ?? "") as { a?: unknown; e?: unknown };
    if (Array.isArray(parsed.a) && parsed.a.every((id) => Number.isInteger(id))) return { articleIds: parsed.a as number[] };
    if (Array.isArray(parsed.e) && parsed.e.every((ref) => typeof ref === "string" && /^[pol][0-9]+$/.test(ref))) {
      const entities = (parsed.e as string[]).map((ref) => ({ type: TYPE_OF_LETTER[ref[0] as keyof typeof TYPE_OF_LETTER], id: Number(ref.slice(1)) }));
      return { articleIds: [], entities };
    }
  } catch {
    // fall through: a payload not ours (someone else's NOTIFY on the channel) is ignored
  }
  logger.warn({ channel: EVENT_CHANNEL }, "store event not understood, ignored");
  return undefined;
}

/**
 * Announces a committed write. Called after the transaction commits, never inside it,
 * so subscribers never see an event for data they cannot read yet. A failure to announce
 * is logged, not thrown: the data is stored, only the live update is lost.
 */
export async function publishStoreEvent(store: DbHandle, event: StoreEvent): Promise<void> {
  if (event.articleIds.length === 0 && !event.entities?.length) return;
  const notifications = store.dialect.notifications;
  if (!notifications) {
    emitterOf(store).emit("event", event);
    return;
  }
  try {
    for (const payload of eventPayloads(event)) await notifications.notify(store, EVENT_CHANNEL, payload);
  } catch (error) {
    logger.warn({ err: error }, "store event not published");
  }
}

export interface StoreEvents {
  /** Calls `listener` for every event from now on; returns the unsubscribe. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * The events of the store's database: those of every process where the database carries
 * notifications (PostgreSQL, ./postgres/events.ts), else those of this process.
 */
export async function openStoreEvents(store: DbHandle): Promise<StoreEvents> {
  const emitter = emitterOf(store);
  const subscribe = (listener: (event: StoreEvent) => void) => {
    emitter.on("event", listener);
    return () => void emitter.off("event", listener);
  };
  const notifications = store.dialect.notifications;
  if (!notifications) return { subscribe, close: async () => {} };
  const listener = await notifications.listen(store, EVENT_CHANNEL, (payload) => {
    const event = parsePayload(payload);
    if (event) emitter.emit("event", event);
  });
  return { subscribe, close: () => listener.close() };
}
