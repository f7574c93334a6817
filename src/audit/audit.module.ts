import { Module } from '@nestjs/common';
import { TotalCountResolver } from '../common/pagination/total-count.resolver.js';
import { AuditEventConnection } from './audit-event.model.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/**
 * The audit trail. Imported by every feature that changes data (they write through
 * AuditService), which is also how its query reaches the schema.
 */
@Module({
  providers: [AuditService, AuditResolver, TotalCountResolver(AuditEventConnection)],
  exports: [AuditService],
})
export class AuditModule {}
