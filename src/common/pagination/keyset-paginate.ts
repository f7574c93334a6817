import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonErrorReason, InvalidInputError } from '../errors/domain-error.js';
import type { Connection } from './connection.model.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { PageArgs } from './page.args.js';

export type SortDirection = 'ASC' | 'DESC';

export interface KeysetOrder<T> {
  /** Entity property to sort by; `id` breaks ties, so the order is total. */
  property: keyof T & string;
  direction: SortDirection;
}

type Row = ObjectLiteral & { id: number };

function cursorValueOf(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(`Cannot build a cursor from ${typeof value}`);
}

/** The cursor stores dates as ISO strings; the driver must get them back as Dates. */
function parameterFrom(value: string | number, sample: 'date' | 'scalar'): unknown {
  if (sample === 'scalar') return value;
  const date = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new InvalidInputError(
      CommonErrorReason.INVALID_CURSOR,
      'after',
      'after is not a valid cursor',
    );
  }
  return date;
}

/**
 * Keyset pagination: `WHERE (sort, id) > (:value, :id) ORDER BY sort, id LIMIT first + 1`, so a
 * page deep in the list costs what the first one does. The total is counted only when asked for.
 */
export async function keysetPaginate<T extends Row>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder<T> & { kind: 'date' | 'scalar' },
  page: PageArgs,
): Promise<Connection<T>> {
  const alias = query.alias;
  const countQuery = query.clone();
  const sortColumn = `${alias}.${order.property}`;
  if (page.after) {
    const position = decodeCursor(page.after);
    const comparison = order.direction === 'DESC' ? '<' : '>';
    query.andWhere(`(${sortColumn}, ${alias}.id) ${comparison} (:cursorValue, :cursorId)`, {
      cursorValue: parameterFrom(position.value, order.kind),
      cursorId: position.id,
    });
  }
  const rows = await query
    .orderBy(sortColumn, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .limit(page.first + 1)
    .getMany();

  const pageRows = rows.slice(0, page.first);
  const edges = pageRows.map((node) => ({
    node,
    cursor: encodeCursor({ value: cursorValueOf(node[order.property]), id: node.id }),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal: () => countQuery.getCount(),
  };
}
