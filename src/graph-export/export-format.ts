import { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import type { ExportGraph } from './export-graph.js';
import { writeEdgesCsv, writeNodesCsv } from './writers/csv.writer.js';
import { writeGexf } from './writers/gexf.writer.js';
import { writeGraphml } from './writers/graphml.writer.js';
import { writeJsonLd, type JsonLdVariant } from './writers/jsonld.writer.js';
import { writeNodeLink } from './writers/node-link.writer.js';
import { textChunks } from './writers/text-chunks.js';

export enum ExportFormat {
  GRAPHML = 'graphml',
  GEXF = 'gexf',
  CSV_ZIP = 'csv.zip',
  /** One table of the CSV pair, chosen by `table`. */
  CSV = 'csv',
  JSON = 'json',
  JSONLD = 'jsonld',
}

export type CsvTable = 'nodes' | 'edges';

export interface ExportOptions {
  table?: CsvTable;
  variant?: JsonLdVariant;
}

export interface FormatSpec {
  contentType: string;
  /** How many times the writer reads the claims (nodes, then edges): for progress bars. */
  claimPasses: number;
  write(graph: ExportGraph, options: ExportOptions): Readable;
}

/**
 * A byte stream (not object mode), so its small high-water mark holds back the writer, and with
 * it the database reads, whenever the client or the file is slower than the export.
 */
const text = (parts: AsyncIterable<string>) =>
  Readable.from(textChunks(parts), { objectMode: false });

/** nodes.csv then edges.csv in one zip, each entry streamed as it is read. */
function csvZip(graph: ExportGraph): Readable {
  const zip = new yazl.ZipFile();
  // A Readable of our own: yazl does not pass on its entries' errors, this one does.
  const out = new PassThrough();
  for (const [name, entry] of [
    ['nodes.csv', text(writeNodesCsv(graph))],
    ['edges.csv', text(writeEdgesCsv(graph))],
  ] as const) {
    entry.on('error', (error) => out.destroy(error));
    zip.addReadStream(entry, name);
  }
  zip.end();
  zip.outputStream.pipe(out);
  return out;
}

export const FORMATS: Record<ExportFormat, FormatSpec> = {
  [ExportFormat.GRAPHML]: {
    contentType: 'application/graphml+xml; charset=utf-8',
    claimPasses: 2,
    write: (graph) => text(writeGraphml(graph)),
  },
  [ExportFormat.GEXF]: {
    contentType: 'application/gexf+xml; charset=utf-8',
    claimPasses: 2,
    write: (graph) => text(writeGexf(graph)),
  },
  [ExportFormat.CSV_ZIP]: { contentType: 'application/zip', claimPasses: 2, write: csvZip },
  [ExportFormat.CSV]: {
    contentType: 'text/csv; charset=utf-8',
    claimPasses: 1,
    write: (graph, { table }) =>
      text(table === 'edges' ? writeEdgesCsv(graph) : writeNodesCsv(graph)),
  },
  [ExportFormat.JSON]: {
    contentType: 'application/json; charset=utf-8',
    claimPasses: 2,
    write: (graph) => text(writeNodeLink(graph)),
  },
  [ExportFormat.JSONLD]: {
    contentType: 'application/ld+json; charset=utf-8',
    claimPasses: 1,
    write: (graph, { variant }) => text(writeJsonLd(graph, variant)),
  },
};

/** `graph.graphml`, `graph.csv.zip`, `nodes.csv`, `graph.research.jsonld`. */
export function exportFileName(format: ExportFormat, options: ExportOptions = {}): string {
  if (format === ExportFormat.CSV) return `${options.table ?? 'nodes'}.csv`;
  if (format === ExportFormat.JSONLD && options.variant === 'research') {
    return 'graph.research.jsonld';
  }
  return `graph.${format}`;
}

export function parseExportFormat(value: string): ExportFormat | undefined {
  return Object.values(ExportFormat).find((format) => format === value);
}
