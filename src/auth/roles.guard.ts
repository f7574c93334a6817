import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { missingApiKey, noAccessRule, roleRequired } from './api-key.errors.js';
import type { AuthContext } from './principal.js';
import { REQUIRED_ROLE } from './require-role.decorator.js';
import { hasRole, type Role } from './role.js';

/**
 * Default-deny for every query, mutation, subscription and field resolver: the caller must be
 * authenticated (UNAUTHENTICATED otherwise), the operation must declare a role (RequireRole),
 * and the caller's role must include it (FORBIDDEN otherwise).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const graphql = GqlExecutionContext.create(context);
    const auth = graphql.getContext<AuthContext>();
    auth.principal ??= (await auth.authenticate()) ?? undefined;
    if (!auth.principal) throw missingApiKey();

    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) {
      const info = graphql.getInfo<{ parentType: { name: string }; fieldName: string }>();
      throw noAccessRule(`${info.parentType.name}.${info.fieldName}`);
    }
    if (!hasRole(auth.principal.role, required)) throw roleRequired(required, auth.principal.role);
    return true;
  }
}
