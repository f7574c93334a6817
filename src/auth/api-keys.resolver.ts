import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ApiKey } from './api-key.entity.js';
import { ApiKeyModel, CreatedApiKeyModel } from './api-key.model.js';
import { ApiKeysService, type CreatedApiKey } from './api-keys.service.js';
import { CreateApiKeyInput } from './dto/create-api-key.input.js';
import type { Principal } from './principal.js';
import { CurrentPrincipal, RequireRole } from './require-role.decorator.js';
import { Role } from './role.js';

@Resolver(() => ApiKeyModel)
@RequireRole(Role.ADMIN)
export class ApiKeysResolver {
  constructor(private readonly apiKeysService: ApiKeysService) {}

  @Mutation(() => CreatedApiKeyModel, {
    description: 'Creates an API key (ADMIN). The key is in the answer once and never again.',
  })
  createApiKey(
    @Args('input', { description: 'Name and role.' }) input: CreateApiKeyInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKey> {
    return this.apiKeysService.createApiKey(input.name, input.role, principal.name);
  }

  @Query(() => [ApiKeyModel], { description: 'Every API key, revoked ones included (ADMIN).' })
  apiKeys(): Promise<ApiKey[]> {
    return this.apiKeysService.listApiKeys();
  }

  @Mutation(() => ApiKeyModel, { description: 'Revokes an API key by name (ADMIN).' })
  revokeApiKey(
    @Args('name', { description: 'The key to revoke.' }) name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKey> {
    return this.apiKeysService.revokeApiKey(name, principal.name);
  }
}
