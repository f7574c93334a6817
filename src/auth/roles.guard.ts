import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { missingApiKey, noAccessRule, roleRequired } from './api-key.errors.js';
import { ApiKeysService } from './api-keys.service.js';
import type { AuthContext, Principal } from './principal.js';
import { REQUIRED_ROLE } from './require-role.decorator.js';
import { hasRole, type Role } from './role.js';

/**
 * Default-deny for every query, mutation, subscription and field resolver: the caller must be
 * authenticated (UNAUTHENTICATED otherwise), the operation must declare a role (RequireRole),
 * and the caller's role must include it (FORBIDDEN otherwise). HTTP routes opt in: one that
 * declares a role gets the same check with the same API keys; the others (health probes) stay open.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly roles = new WeakMap<object, WeakMap<object, Role | undefined>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  /**
   * Runs for every field resolver of every response (hundreds per page of claims), so once the
   * request's principal is known it answers synchronously, with the role looked up once per
   * handler: Nest then awaits nothing for it.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const type = context.getType<GqlContextType>();
    if (type === 'http') return this.canActivateHttp(context);
    if (type !== 'graphql') return true;
    const auth = GqlExecutionContext.create(context).getContext<AuthContext>();
    if (auth.principal) return this.checkRole(context, auth.principal);
    return auth.authenticate().then((principal) => {
      auth.principal ??= principal ?? undefined;
      if (!auth.principal) throw missingApiKey();
      return this.checkRole(context, auth.principal);
    });
  }

  private checkRole(context: ExecutionContext, principal: Principal): boolean {
    const required = this.cachedRequiredRole(context);
    if (!required) {
      const info = GqlExecutionContext.create(context).getInfo<{
        parentType: { name: string };
        fieldName: string;
      }>();
      throw noAccessRule(`${info.parentType.name}.${info.fieldName}`);
    }
    if (!hasRole(principal.role, required)) throw roleRequired(required, principal.role);
    return true;
  }

  /** Decorators are fixed at boot, so each (class, handler) pair's role is read once. */
  private cachedRequiredRole(context: ExecutionContext): Role | undefined {
    let byHandler = this.roles.get(context.getClass());
    if (!byHandler) {
      byHandler = new WeakMap();
      this.roles.set(context.getClass(), byHandler);
    }
    const handler = context.getHandler();
    if (!byHandler.has(handler)) byHandler.set(handler, this.requiredRole(context));
    return byHandler.get(handler);
  }

  private async canActivateHttp(context: ExecutionContext): Promise<boolean> {
    const required = this.requiredRole(context);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.apiKeys.authenticate(request.headers.authorization);
    if (!principal) throw missingApiKey();
    if (!hasRole(principal.role, required)) throw roleRequired(required, principal.role);
    return true;
  }

  private requiredRole(context: ExecutionContext): Role | undefined {
    return this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
  }
}
