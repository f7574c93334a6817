import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { AuditAction, AuditEntityType } from '../audit-action.js';

@InputType({ description: 'Which audit events to return; every given condition must hold.' })
export class AuditEventFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Made by this actor: an API key name, "seed" or "local".',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  actor?: string | null;

  @Field(() => AuditAction, { nullable: true, description: 'Of this kind.' })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction | null;

  @Field(() => AuditEntityType, { nullable: true, description: 'About this kind of record.' })
  @IsOptional()
  @IsEnum(AuditEntityType)
  entityType?: AuditEntityType | null;

  @Field(() => ID, {
    nullable: true,
    description: 'About the record with this id (an API key: its name); best with entityType.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Made at or after this time.' })
  @IsOptional()
  @IsDate()
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Made before this time.' })
  @IsOptional()
  @IsDate()
  until?: Date | null;
}
