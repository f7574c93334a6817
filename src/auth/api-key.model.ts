import { Field, ObjectType } from '@nestjs/graphql';
import type { ApiKey } from './api-key.entity.js';
import { Role } from './role.js';

@ObjectType('ApiKey', { description: 'An API key, without its secret.' })
export class ApiKeyModel implements Partial<ApiKey> {
  @Field({ description: 'Unique name; recorded as the author of what the key does.' })
  name: string;

  @Field(() => Role, { description: 'What the key may do.' })
  role: Role;

  @Field({ description: 'The public part of the key (`ctk_<prefix>_…`), to tell keys apart.' })
  prefix: string;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey', { description: 'A new API key: `key` is shown this once only.' })
export class CreatedApiKeyModel {
  @Field({ description: 'The key, to send as `Authorization: Bearer <key>`. Not stored.' })
  key: string;

  @Field(() => ApiKeyModel, { description: 'The stored key.' })
  apiKey: ApiKeyModel;
}
