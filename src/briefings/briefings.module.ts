import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { TotalCountResolver } from '../common/pagination/total-count.resolver.js';
import { BriefingConnection } from './briefing.model.js';
import { BriefingsLoaders } from './briefings.loaders.js';
import { BriefingItemsResolver, BriefingsResolver } from './briefings.resolver.js';
import { BriefingsService } from './briefings.service.js';

@Module({
  imports: [ActorsModule, AuditModule],
  providers: [
    BriefingsService,
    BriefingsLoaders,
    BriefingsResolver,
    BriefingItemsResolver,
    TotalCountResolver(BriefingConnection),
  ],
  exports: [BriefingsService, BriefingsLoaders],
})
export class BriefingsModule {}
