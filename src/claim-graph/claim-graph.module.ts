import { Module } from '@nestjs/common';
import { ClaimGraphResolver } from './claim-graph.resolver.js';
import { ClaimGraphService } from './claim-graph.service.js';

@Module({ providers: [ClaimGraphService, ClaimGraphResolver] })
export class ClaimGraphModule {}
