import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthContext, Principal } from './principal.js';
import { Role } from './role.js';

export const REQUIRED_ROLE = 'claimtrack:requiredRole';

/**
 * The least role that may call an operation or resolve a field. Put on a method, or on a
 * resolver class for all of its methods. Anything without one is closed (RolesGuard).
 */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** Readable by every role: queries and the fields of the types they return. */
export const ReadAccess = () => RequireRole(Role.RESEARCHER);

/** The authenticated caller; RolesGuard has run, so it is always there. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = GqlExecutionContext.create(context).getContext<AuthContext>().principal;
    if (!principal) throw new Error('CurrentPrincipal used where RolesGuard did not run');
    return principal;
  },
);
