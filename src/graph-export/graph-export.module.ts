import { Module } from '@nestjs/common';
import { GraphExportController } from './graph-export.controller.js';
import { GraphExportService } from './graph-export.service.js';

@Module({
  controllers: [GraphExportController],
  providers: [GraphExportService],
  exports: [GraphExportService],
})
export class GraphExportModule {}
