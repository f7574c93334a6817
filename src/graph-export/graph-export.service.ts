import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { ClaimFilter } from '../claims/dto/claim-filter.input.js';
import type { ExportEdge, ExportGraph, ExportNode, NodeReadOptions } from './export-graph.js';
import { exportFileName, FORMATS, type ExportFormat, type ExportOptions } from './export-format.js';
import { GraphReader } from './graph-reader.js';

export interface ExportCounts {
  nodes: number;
  edges: number;
}

export interface GraphExport {
  contentType: string;
  fileName: string;
  body: Readable;
  /** Nodes and edges written so far; final once `body` has ended. */
  counts: ExportCounts;
  /** The number of claims the filter selects (one more query). */
  countClaims(): Promise<number>;
  /** Claims read so far, over every pass; `claimPasses` passes read them all. */
  onClaims(listener: (read: number) => void): void;
  claimPasses: number;
}

/** Counts what a writer takes from the graph, for the CLI's summary. */
class CountingGraph implements ExportGraph {
  readonly counts: ExportCounts = { nodes: 0, edges: 0 };

  constructor(private readonly graph: ExportGraph) {}

  async *nodes(options?: NodeReadOptions): AsyncGenerator<ExportNode> {
    for await (const node of this.graph.nodes(options)) {
      this.counts.nodes += 1;
      yield node;
    }
  }

  async *edges(): AsyncGenerator<ExportEdge> {
    for await (const edge of this.graph.edges()) {
      this.counts.edges += 1;
      yield edge;
    }
  }
}

@Injectable()
export class GraphExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A streamed export: nothing is read until `body` is. */
  export(
    format: ExportFormat,
    filter: ClaimFilter | null,
    options: ExportOptions = {},
  ): GraphExport {
    const reader = new GraphReader(this.dataSource.manager, filter);
    const counting = new CountingGraph(reader);
    const spec = FORMATS[format];
    return {
      contentType: spec.contentType,
      fileName: exportFileName(format, options),
      body: spec.write(counting, options),
      counts: counting.counts,
      countClaims: () => reader.countClaims(),
      claimPasses: spec.claimPasses,
      onClaims(listener) {
        reader.onClaims = listener;
      },
    };
  }
}
