import type { DiscoveryService } from '@nestjs/core';
import { Reflector } from '@nestjs/core';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { describe, expect, it } from 'vitest';
import { leanFieldResolvers } from './lean-field-resolvers.js';
import type { AuthContext, Principal } from './principal.js';
import { ReadAccess, RequireRole } from './require-role.decorator.js';
import { Role } from './role.js';

@Resolver('Claim')
@ReadAccess()
class ClaimFields {
  @ResolveField('speaker')
  speaker(@Parent() claim: { speakerId: number }, @Context('loaders') loaders: string) {
    return `speaker ${claim.speakerId} via ${loaders}`;
  }

  @RequireRole(Role.ADMIN)
  @ResolveField('secret')
  secret(@Parent() claim: { id: number }) {
    return `secret of ${claim.id}`;
  }

  @ResolveField('history')
  history(@Parent() claim: { id: number }, @Args('first') first: number) {
    return `${first} steps of ${claim.id}`;
  }

  @ResolveField('failing')
  failing() {
    throw new Error('boom');
  }
}

const discovery = {
  getProviders: () => [{ instance: new ClaimFields(), isDependencyTreeStatic: () => true }],
} as unknown as DiscoveryService;

const researcher: Principal = { apiKeyId: 1, name: 'r', role: Role.RESEARCHER };
const context = (principal?: Principal) =>
  ({ principal, authenticate: () => Promise.resolve(null), loaders: 'L' }) as AuthContext;

type Resolve = (parent: unknown, args: unknown, context: AuthContext, info: unknown) => unknown;

/** Nest's callbacks as the explorer hands them over, each answering with its own name. */
function nestResolvers() {
  const nest =
    (name: string): Resolve =>
    () =>
      `nest:${name}`;
  return [
    { DateTime: {} },
    {
      Claim: {
        speaker: nest('speaker'),
        secret: nest('secret'),
        history: nest('history'),
        failing: nest('failing'),
      },
    },
  ];
}

function transformed() {
  const maps = leanFieldResolvers(discovery, new Reflector())(nestResolvers());
  return maps[1].Claim as Record<string, Resolve>;
}

describe('leanFieldResolvers', () => {
  it("resolves a field directly when the caller's role meets it, with @Parent and @Context", () => {
    const claim = transformed();
    expect(claim.speaker({ speakerId: 7 }, {}, context(researcher), {})).toBe('speaker 7 via L');
  });

  it("leaves everything else to Nest's callback, so RolesGuard answers as before", () => {
    const claim = transformed();
    // No principal yet, and a role below the field's: the guard refuses there.
    expect(claim.speaker({ speakerId: 7 }, {}, context(), {})).toBe('nest:speaker');
    expect(claim.secret({ id: 1 }, {}, context(researcher), {})).toBe('nest:secret');
    expect(claim.secret({ id: 1 }, {}, context({ ...researcher, role: Role.ADMIN }), {})).toBe(
      'secret of 1',
    );
    // @Args goes through the validation pipe: never lean.
    expect(claim.history({ id: 1 }, { first: 2 }, context(researcher), {})).toBe('nest:history');
  });

  it('turns a thrown error into a rejected field, as Nest does', async () => {
    const claim = transformed();
    await expect(claim.failing({}, {}, context(researcher), {})).rejects.toThrow('boom');
  });
});
