import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';

@ObjectType({ description: 'Relay page information for forward pagination.' })
export class PageInfo {
  @Field({ description: 'Whether a page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge on this page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge: pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

/** What a connection resolver needs besides the page itself: the total, counted only on demand. */
export interface Countable {
  countTotal: () => Promise<number>;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> extends Countable {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class ConnectionClass implements Omit<Connection<T>, 'countTotal'> {
    @Field(() => [EdgeType], { description: 'The records of this page, in order.' })
    edges: Edge<T>[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description:
        'Number of records matching the filter, over all pages; counted only when asked.',
    })
    totalCount: number;
  }
  return ConnectionClass;
}
