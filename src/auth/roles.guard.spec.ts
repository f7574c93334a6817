import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors/domain-error.js';
import type { ApiKeysService } from './api-keys.service.js';
import type { Principal } from './principal.js';
import { RequireRole } from './require-role.decorator.js';
import { Role } from './role.js';
import { RolesGuard } from './roles.guard.js';

class Routes {
  @RequireRole(Role.EDITOR)
  forEditors() {}

  open() {}
}

/** An HTTP request to one of Routes' handlers, with the principal its key stands for. */
function httpContext(handler: keyof Routes, authorization?: string): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }),
  } as unknown as ExecutionContext;
}

const keys = (principal: Principal | null) =>
  ({
    authenticate: (header?: string) => Promise.resolve(header ? principal : null),
  }) as ApiKeysService;

const researcher: Principal = { apiKeyId: 1, name: 'r', role: Role.RESEARCHER };

describe('RolesGuard over HTTP', () => {
  it('leaves routes without a declared role open', async () => {
    const guard = new RolesGuard(new Reflector(), keys(null));
    await expect(guard.canActivate(httpContext('open'))).resolves.toBe(true);
  });

  it('refuses a declared route without a key as UNAUTHENTICATED', async () => {
    const guard = new RolesGuard(new Reflector(), keys(null));
    const error = await Promise.resolve(guard.canActivate(httpContext('forEditors'))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a role below the declared one as FORBIDDEN, and admits one at or above it', async () => {
    const low = new RolesGuard(new Reflector(), keys(researcher));
    const error = await Promise.resolve(
      low.canActivate(httpContext('forEditors', 'Bearer k')),
    ).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('FORBIDDEN');
    expect((error as DomainError).reason).toBe('ROLE_REQUIRED');
    const high = new RolesGuard(new Reflector(), keys({ ...researcher, role: Role.ADMIN }));
    await expect(high.canActivate(httpContext('forEditors', 'Bearer k'))).resolves.toBe(true);
  });
});
