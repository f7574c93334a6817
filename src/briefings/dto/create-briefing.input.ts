import { Field, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { OutletKind } from '../../actors/actor-kinds.js';
import { NotBlank } from '../../common/validation/not-blank.js';

export const HTTP_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
};

@InputType({ description: 'A briefing with its items, recorded in one step.' })
export class CreateBriefingInput {
  @Field({ description: 'Headline, 1 to 500 characters.' })
  @IsString()
  @Length(1, 500)
  @NotBlank()
  title: string;

  @Field(() => String, { nullable: true, description: 'Canonical http(s) URL; unique.' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The publishing outlet, found or created by name.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  outletName?: string | null;

  @Field(() => OutletKind, {
    nullable: true,
    description: 'Kind of the publishing outlet when it is new (default NEWS).',
  })
  @IsOptional()
  @IsEnum(OutletKind)
  outletKind?: OutletKind | null;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  @IsOptional()
  @IsDate()
  publishedAt?: Date | null;

  @Field(() => [String], { description: 'The items (paragraphs) in reading order, 1 to 1,000.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Length(1, 20_000, { each: true })
  @NotBlank({ each: true })
  items: string[];
}
