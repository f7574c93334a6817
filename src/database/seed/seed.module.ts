import { Module } from '@nestjs/common';
import { ActorsModule } from '../../actors/actors.module.js';
import { BriefingsModule } from '../../briefings/briefings.module.js';
import { ClaimRelationsModule } from '../../claim-relations/claim-relations.module.js';
import { ClaimsModule } from '../../claims/claims.module.js';
import { SampleBriefingSeeder } from './sample-briefing.seeder.js';

@Module({
  imports: [ActorsModule, BriefingsModule, ClaimsModule, ClaimRelationsModule],
  providers: [SampleBriefingSeeder],
  exports: [SampleBriefingSeeder],
})
export class SeedModule {}
