import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal, RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';
import { BriefingIngestionModel } from './briefing-ingestion.model.js';
import { IngestBriefingInput } from './dto/ingest-briefing.input.js';
import { IngestionService } from './ingestion.service.js';

@Resolver()
export class IngestionResolver {
  constructor(private readonly ingestionService: IngestionService) {}

  @RequireRole(Role.EDITOR)
  @Mutation(() => BriefingIngestionModel, {
    description:
      "Extracts a briefing's claims from its text and stores the briefing, its items, claims " +
      '(extracted, awaiting review), speakers, outlets and relations in one transaction. The same ' +
      'url again adds only the new items and links their claims to the earlier ones; identical ' +
      'text changes nothing. dryRun answers without writing.',
  })
  ingestBriefing(
    @Args('input', { description: 'The text and where it was published.' })
    input: IngestBriefingInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BriefingIngestionModel> {
    return this.ingestionService.ingest(input, principal.name);
  }
}
