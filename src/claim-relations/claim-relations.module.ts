import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { ClaimRelationsLoaders } from './claim-relations.loaders.js';
import { ClaimLinksResolver, ClaimRelationsResolver } from './claim-relations.resolver.js';
import { ClaimRelationsService } from './claim-relations.service.js';

@Module({
  imports: [AuditModule, ClaimsModule],
  providers: [
    ClaimRelationsService,
    ClaimRelationsLoaders,
    ClaimRelationsResolver,
    ClaimLinksResolver,
  ],
  exports: [ClaimRelationsService],
})
export class ClaimRelationsModule {}
