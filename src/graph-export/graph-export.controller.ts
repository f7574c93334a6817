import { Controller, Get, Logger, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { ReadAccess } from '../auth/require-role.decorator.js';
import { parseExportFormat } from './export-format.js';
import { parseExportQuery } from './export-query.js';
import { unknownExportFormat } from './graph-export.errors.js';
import { GraphExportService } from './graph-export.service.js';
import { HttpDomainErrorFilter } from './http-error.filter.js';

const FILE_PATTERN = /^graph\.(.+)$/;

/**
 * `GET /export/graph.{graphml|gexf|csv.zip|csv|json|jsonld}?<ClaimFilter fields>`: the filtered
 * claims and everything they touch, streamed as it is read. Any API key may export.
 */
@Controller('export')
@ReadAccess()
@UseFilters(HttpDomainErrorFilter)
export class GraphExportController {
  private readonly logger = new Logger('GraphExport');

  constructor(private readonly exports: GraphExportService) {}

  @Get(':file')
  async graph(
    @Param('file') file: string,
    @Query() query: Record<string, string | string[] | undefined>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const format = parseExportFormat(FILE_PATTERN.exec(file)?.[1] ?? '');
    if (!format) throw unknownExportFormat(file);
    // Validated before the first byte: after it, the status is sent and errors can only cut the stream.
    const { filter, options } = await parseExportQuery(format, query);
    const result = this.exports.export(format, filter, options);
    // The first chunk is read before the status is sent, so a failing first query is a masked
    // 500; a later failure can only cut the stream, and is logged.
    await once(result.body, 'readable');
    result.body.on('error', (error) => this.logger.error(`Export ${file} failed: ${error.stack}`));
    void reply
      .header('content-type', result.contentType)
      .header('content-disposition', `attachment; filename="${result.fileName}"`)
      .header('cache-control', 'no-store')
      .send(result.body);
  }
}
