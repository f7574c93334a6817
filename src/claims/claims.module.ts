import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ClaimEventsModule } from '../claim-events/claim-events.module.js';
import { BriefingsModule } from '../briefings/briefings.module.js';
import { TotalCountResolver } from '../common/pagination/total-count.resolver.js';
import { VerificationModule } from '../verification/verification.module.js';
import {
  BriefingClaimsResolver,
  ItemClaimsResolver,
  OutletClaimsResolver,
  SpeakerClaimsResolver,
} from './claim-lists.resolver.js';
import { ClaimAssignmentService } from './claim-assignment.service.js';
import { ClaimQueryService } from './claim-query.service.js';
import { ClaimConnection } from './claim.model.js';
import { ClaimsLoaders } from './claims.loaders.js';
import { ClaimsResolver } from './claims.resolver.js';
import { ClaimsService } from './claims.service.js';

@Module({
  imports: [
    ActorsModule,
    AuditModule,
    AuthModule,
    BriefingsModule,
    VerificationModule,
    ClaimEventsModule,
  ],
  providers: [
    ClaimQueryService,
    ClaimsService,
    ClaimAssignmentService,
    ClaimsLoaders,
    ClaimsResolver,
    SpeakerClaimsResolver,
    OutletClaimsResolver,
    BriefingClaimsResolver,
    ItemClaimsResolver,
    TotalCountResolver(ClaimConnection),
  ],
  exports: [ClaimQueryService, ClaimsService, ClaimsLoaders],
})
export class ClaimsModule {}
