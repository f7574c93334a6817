import DataLoader from 'dataloader';
import type { AuthContext } from '../../auth/principal.js';

/**
 * The DataLoaders of one GraphQL request, created on first use. Each feature keeps its own
 * loader definitions (`claims.loaders.ts`); this only makes sure a request shares one instance
 * of each, so a page of claims costs one query per relation, not one per row.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * `cache: false` for contexts that outlive one request (a subscription's): loads still batch
   * within a tick, but every event reads fresh rows.
   */
  constructor(private readonly options: { cache: boolean } = { cache: true }) {}

  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000, cache: this.options.cache });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What every resolver finds in its GraphQL context. */
export interface GraphqlContext extends AuthContext {
  loaders: RequestLoaders;
}

/** Orders `rows` by `keys`, with null where a key has no row: DataLoader's contract for one-to-one. */
export function alignById<T extends { id: number }>(
  keys: readonly number[],
  rows: T[],
): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}

/** Groups `rows` under `keys` by `keyOf`, keeping their order: DataLoader's contract for one-to-many. */
export function groupByKey<T>(
  keys: readonly number[],
  rows: T[],
  keyOf: (row: T) => number,
): T[][] {
  const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
