import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExportFormat, parseExportFormat } from '../graph-export/export-format.js';
import { parseExportQuery } from '../graph-export/export-query.js';
import { GraphExportService } from '../graph-export/graph-export.service.js';

interface ExportOptions {
  format: ExportFormat;
  out: string;
  /** Query parameters of GET /export, so both ways in validate alike. */
  query: Record<string, string>;
}

/** Each filter flag and the export parameter it stands for. */
const FILTER_FLAGS = {
  status: 'status',
  open: 'open',
  speakerId: 'speakerId',
  outletId: 'outletId',
  briefingId: 'briefingId',
  search: 'search',
  since: 'since',
  until: 'until',
  hasCounterClaims: 'hasCounterClaims',
  extracted: 'extracted',
  reviewed: 'reviewed',
  table: 'table',
  variant: 'variant',
} as const;

@Command({
  name: 'export',
  description:
    'Export the claim graph (or the claims a filter selects, with everything they touch) to a file',
})
export class ExportCommand extends CommandRunner {
  constructor(private readonly exports: GraphExportService) {
    super();
  }

  async run(_params: string[], options: Record<string, string> & ExportOptions): Promise<void> {
    const started = process.hrtime.bigint();
    const query: Record<string, string> = {};
    for (const [flag, parameter] of Object.entries(FILTER_FLAGS)) {
      if (options[flag] !== undefined) query[parameter] = options[flag];
    }
    const { filter, options: formatOptions } = await parseExportQuery(options.format, query);
    const result = this.exports.export(options.format, filter, formatOptions);

    const bar = process.stderr.isTTY
      ? new SingleBar({
          stream: process.stderr,
          format: ' {bar} {percentage}% | {value}/{total} claim reads | {eta_formatted} left',
          hideCursor: true,
        })
      : null;
    if (bar) {
      bar.start((await result.countClaims()) * result.claimPasses, 0);
      result.onClaims((read) => bar.update(read));
    }
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(result.body, counter, createWriteStream(options.out));
    } finally {
      bar?.stop();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `${options.out}: ${result.counts.nodes} nodes, ${result.counts.edges} edges, ` +
        `${bytes} bytes in ${seconds.toFixed(2)} s`,
    );
  }

  @Option({
    flags: '--format <format>',
    description: `One of ${Object.values(ExportFormat).join(', ')} (csv needs --table)`,
    required: true,
  })
  parseFormat(value: string): ExportFormat {
    const format = parseExportFormat(value);
    if (!format)
      throw new Error(`--format must be one of ${Object.values(ExportFormat).join(', ')}`);
    return format;
  }

  @Option({ flags: '--out <file>', description: 'The file to write', required: true })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--status <list>', description: 'Statuses, comma-separated' })
  parseStatus(value: string): string {
    return value;
  }

  @Option({ flags: '--open <boolean>', description: 'true: open claims only; false: settled' })
  parseOpen(value: string): string {
    return value;
  }

  @Option({ flags: '--speaker-id <id>', description: 'Made by this speaker' })
  parseSpeakerId(value: string): string {
    return value;
  }

  @Option({ flags: '--outlet-id <id>', description: 'Carried by this outlet' })
  parseOutletId(value: string): string {
    return value;
  }

  @Option({ flags: '--briefing-id <id>', description: 'Inside this briefing' })
  parseBriefingId(value: string): string {
    return value;
  }

  @Option({ flags: '--search <words>', description: 'Words the claim text must all contain' })
  parseSearch(value: string): string {
    return value;
  }

  @Option({ flags: '--since <date>', description: 'Recorded at or after (ISO 8601)' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--until <date>', description: 'Recorded before (ISO 8601)' })
  parseUntil(value: string): string {
    return value;
  }

  @Option({
    flags: '--has-counter-claims <boolean>',
    description: 'true: only claims linked to a counter-claim',
  })
  parseHasCounterClaims(value: string): string {
    return value;
  }

  @Option({
    flags: '--extracted <boolean>',
    description: 'true: only claims found by extraction; false: only those typed in',
  })
  parseExtracted(value: string): string {
    return value;
  }

  @Option({
    flags: '--reviewed <boolean>',
    description: 'false: only claims nobody has reviewed yet',
  })
  parseReviewed(value: string): string {
    return value;
  }

  @Option({ flags: '--table <table>', description: 'With --format csv: nodes or edges' })
  parseTable(value: string): string {
    return value;
  }

  @Option({
    flags: '--variant <variant>',
    description: 'With --format jsonld: research adds PROV-O',
  })
  parseVariant(value: string): string {
    return value;
  }
}
