import { Module } from '@nestjs/common';
import { VerificationLoaders } from './verification.loaders.js';
import { VerificationResolver } from './verification.resolver.js';
import { VerificationService } from './verification.service.js';

@Module({
  providers: [VerificationService, VerificationLoaders, VerificationResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
