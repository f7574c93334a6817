import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination/page.args.js';

@ArgsType()
export class ActorSearchArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, ignoring case, spacing and a leading "the".',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  search?: string | null;
}
