import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BriefingsModule } from '../briefings/briefings.module.js';
import { ClaimRelationsModule } from '../claim-relations/claim-relations.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { IngestionResolver } from './ingestion.resolver.js';
import { IngestionService } from './ingestion.service.js';

@Module({
  imports: [AuditModule, BriefingsModule, ClaimsModule, ClaimRelationsModule],
  providers: [IngestionService, IngestionResolver],
  exports: [IngestionService],
})
export class IngestionModule {}
