import type { Type } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Countable } from './connection.model.js';
import { ReadAccess } from '../../auth/require-role.decorator.js';

/** Resolves `totalCount` on a connection type, so the COUNT runs only when a client asks. */
export function TotalCountResolver(connectionType: Type<unknown>) {
  @Resolver(() => connectionType)
  @ReadAccess()
  class ConnectionTotalCountResolver {
    @ResolveField(() => Int, {
      description:
        'Number of records matching the filter, over all pages; counted only when asked.',
    })
    totalCount(@Parent() connection: Countable): Promise<number> {
      return connection.countTotal();
    }
  }
  return ConnectionTotalCountResolver;
}
