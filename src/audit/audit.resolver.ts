import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../auth/require-role.decorator.js';
import { Role } from '../auth/role.js';
import type { Connection } from '../common/pagination/connection.model.js';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditEventConnection, AuditEventModel } from './audit-event.model.js';
import { AuditService } from './audit.service.js';
import { AuditEventsArgs } from './dto/audit-events.args.js';

@Resolver(() => AuditEventModel)
@RequireRole(Role.ADMIN)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail (ADMIN): who changed which record, when, with the record before and ' +
      'after; newest first, one keyset page at a time.',
  })
  auditEvents(@Args() args: AuditEventsArgs): Promise<Connection<AuditEvent>> {
    return this.audit.listEvents(args);
  }
}
