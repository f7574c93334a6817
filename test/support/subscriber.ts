import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber<T> {
  events: T[];
  /**
   * The protocol does not acknowledge a subscription: call `probe` (a change the subscription
   * must see) until one event arrives, then forget the probes' events.
   */
  live(probe: () => Promise<unknown>): Promise<void>;
  /** Resolves once `count` events have arrived; rejects after `withinMs` (a bound, not a measure). */
  waitFor(count: number, withinMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** A real graphql-ws client (graphql-transport-ws protocol) subscribed to `query`. */
export async function subscribe<T>(
  httpUrl: string,
  key: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Subscriber<T>> {
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const events: T[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  await new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(Object.assign(new Error('closed'), { event })));
    client.on('error', reject);
  });
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) failure = result.errors;
        else events.push(result.data as T);
        waiters.forEach((wake) => wake());
      },
      error: (error) => {
        failure = error;
        waiters.forEach((wake) => wake());
      },
      complete: () => undefined,
    },
  );
  const waitFor = (count: number, withinMs = 10_000) =>
    new Promise<T[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${events.length} of ${count} events arrived`)),
        withinMs,
      );
      const check = () => {
        if (failure) {
          clearTimeout(timer);
          reject(Object.assign(new Error('subscription failed'), { failure }));
        } else if (events.length >= count) {
          clearTimeout(timer);
          resolve(events);
        }
      };
      waiters.push(check);
      check();
    });
  return {
    events,
    waitFor,
    async live(probe) {
      for (let attempt = 0; attempt < 50 && events.length === 0; attempt++) {
        await probe();
        await waitFor(1, 200).catch(() => undefined);
      }
      if (events.length === 0) throw new Error('the subscription never went live');
      await new Promise((resolve) => setTimeout(resolve, 100));
      events.length = 0;
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
