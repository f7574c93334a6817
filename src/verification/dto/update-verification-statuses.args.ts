import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { UpdateVerificationStatusInput } from './update-verification-status.input.js';

const MAX_BATCH_SIZE = 100;

@ArgsType()
export class UpdateVerificationStatusesArgs {
  @Field(() => [UpdateVerificationStatusInput], {
    description: '1 to 100 status changes, each to a different claim, applied in this order.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @ValidateNested({ each: true })
  @Type(() => UpdateVerificationStatusInput)
  inputs: UpdateVerificationStatusInput[];
}
