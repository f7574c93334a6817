import { Module } from '@nestjs/common';
import { ClaimEventsEmitter } from './claim-events.emitter.js';
import { ClaimEventsResolver } from './claim-events.resolver.js';
import { ClaimEventsService } from './claim-events.service.js';

@Module({
  providers: [ClaimEventsEmitter, ClaimEventsService, ClaimEventsResolver],
  exports: [ClaimEventsEmitter, ClaimEventsService],
})
export class ClaimEventsModule {}
