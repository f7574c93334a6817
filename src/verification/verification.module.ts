import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClaimEventsModule } from '../claim-events/claim-events.module.js';
import { VerificationLoaders } from './verification.loaders.js';
import { VerificationResolver } from './verification.resolver.js';
import { VerificationService } from './verification.service.js';

@Module({
  imports: [AuditModule, ClaimEventsModule],
  providers: [VerificationService, VerificationLoaders, VerificationResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
