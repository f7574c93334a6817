import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, Matches } from 'class-validator';
import { Role } from '../role.js';

export const API_KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'Unique name, 1 to 100 of A–Z a–z 0–9 . _ @ -, e.g. "desk@newsroom".' })
  @Matches(API_KEY_NAME, { message: 'name must be 1 to 100 letters, digits, ".", "_", "@" or "-"' })
  name: string;

  @Field(() => Role, { description: 'What the key may do.' })
  @IsEnum(Role)
  role: Role;
}
