// The values of one subscription: store events in a bounded queue, each expanded (one
// read of the store) into the items the subscriber is sent. Hand-written rather than
// graphql-subscriptions' PubSub, whose queue grows without bound behind a slow client,
// and an async generator, whose return() waits for a pending next() (an unsubscribe
// would hang until the next event).
import type { StoreEvent, StoreEvents } from "../../store/events.ts";
import { graphqlSubscriptions } from "../../metrics.ts";

/** Events a subscriber may have waiting; one more and its connection is closed (see ../../server.ts). */
export const SUBSCRIBER_QUEUE_SIZE = 100;

export interface StreamOptions<T> {
  events: StoreEvents;
  /** The items of an event for this subscriber (none: nothing is sent). */
  expand(event: StoreEvent): Promise<T[]>;
  /** Called once when the queue overflows; the stream then ends. */
  onOverflow(): void;
  capacity?: number;
}

export function eventStream<T>(options: StreamOptions<T>): AsyncIterableIterator<T> {
  const capacity = options.capacity ?? SUBSCRIBER_QUEUE_SIZE;
  const queue: StoreEvent[] = [];
  let items: T[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  graphqlSubscriptions.inc();
  const unsubscribe = options.events.subscribe((event) => {
    if (done) return;
    if (queue.length >= capacity) {
      finish();
      options.onOverflow();
      return;
    }
    queue.push(event);
    wake?.();
  });
  function finish() {
    if (!done) graphqlSubscriptions.dec();
    done = true;
    unsubscribe();
    queue.length = 0;
    items = [];
    wake?.();
  }
  const ended = (): IteratorResult<T> => ({ done: true, value: undefined });
  return {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        if (done) return ended();
        const item = items.shift();
        if (item !== undefined) return { done: false, value: item };
        const event = queue.shift();
        if (event) {
          const expanded = await options.expand(event);
          if (!done) items = expanded.slice();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async return(): Promise<IteratorResult<T>> {
      finish();
      return ended();
    },
    async throw(error: unknown): Promise<IteratorResult<T>> {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
