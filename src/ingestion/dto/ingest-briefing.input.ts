import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { NotBlank } from '../../common/validation/not-blank.js';
import { HTTP_URL } from '../../briefings/dto/create-briefing.input.js';

/** About 2 MB of English: far beyond a day of live blogging, within INGEST_BODY_LIMIT. */
export const MAX_INGEST_TEXT = 2_000_000;

@InputType({
  description:
    "A briefing's text to extract claims from and store. Ingesting the same url again adds only " +
    'the items that are new, with their claims, linked to the claims already stored.',
})
export class IngestBriefingInput {
  @Field({
    description:
      'The whole text: items (paragraphs) separated by blank lines, the first usually the title. ' +
      'Up to 2,000,000 characters.',
  })
  @IsString()
  @Length(1, MAX_INGEST_TEXT)
  @NotBlank()
  text: string;

  @Field({ description: 'Headline, 1 to 500 characters; kept from the first ingestion of a url.' })
  @IsString()
  @Length(1, 500)
  @NotBlank()
  title: string;

  @Field({ description: "Canonical http(s) URL: the briefing's identity across updates." })
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url: string;

  @Field({ description: 'The publishing outlet, found or created by name.' })
  @IsString()
  @Length(1, 200)
  @NotBlank()
  outletName: string;

  @Field(() => Date, { nullable: true, description: 'When it was published.' })
  @IsOptional()
  @IsDate()
  publishedAt?: Date | null;

  // Optional rather than `Boolean! = false`: graphql-jit does not apply input-field defaults.
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: answer what would be stored, without ids, and write nothing. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;
}
