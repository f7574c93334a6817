import { Command, CommandRunner, Option } from 'nest-commander';
import { InputValidationPipe } from '../common/errors/input-validation.pipe.js';
import { DatabaseMaintenance } from '../database/database-maintenance.js';
import { IngestBriefingInput } from '../ingestion/dto/ingest-briefing.input.js';
import { IngestionService } from '../ingestion/ingestion.service.js';
import { readTextArgument } from './read-text-argument.js';

/** Recorded as the author of what the command writes. */
export const CLI_INGEST_ACTOR = 'cli:ingest';

interface IngestOptions {
  title: string;
  url: string;
  outlet: string;
  publishedAt?: Date;
  dryRun?: boolean;
  json?: boolean;
}

@Command({
  name: 'ingest',
  arguments: '<file>',
  description:
    "Extract a briefing's claims from a text file (- for standard input) and store them, as the ingestBriefing mutation does",
})
export class IngestCommand extends CommandRunner {
  constructor(
    private readonly database: DatabaseMaintenance,
    private readonly ingestion: IngestionService,
  ) {
    super();
  }

  async run([file]: string[], options: IngestOptions): Promise<void> {
    const input = (await new InputValidationPipe().transform(
      {
        text: await readTextArgument(file),
        title: options.title,
        url: options.url,
        outletName: options.outlet,
        publishedAt: options.publishedAt ?? null,
        dryRun: options.dryRun ?? false,
      },
      { type: 'body', metatype: IngestBriefingInput, data: 'input' },
    )) as IngestBriefingInput;
    await this.database.migrate();
    const answer = await this.ingestion.ingest(input, CLI_INGEST_ACTOR);
    if (options.json) {
      console.log(JSON.stringify(answer, null, 2));
      return;
    }
    const briefing = answer.briefing ? `briefing ${answer.briefing.id}` : 'a new briefing';
    console.log(
      `${answer.dryRun ? 'Would add to' : 'Added to'} ${briefing}: ${answer.itemsAdded} items ` +
        `(${answer.itemsKnown} known), ${answer.claims.length} claims, ` +
        `${answer.relations.length} relations`,
    );
  }

  @Option({ flags: '--title <title>', description: 'Headline of the briefing', required: true })
  parseTitle(title: string): string {
    return title;
  }

  @Option({ flags: '--url <url>', description: "The briefing's canonical URL", required: true })
  parseUrl(url: string): string {
    return url;
  }

  @Option({ flags: '--outlet <name>', description: 'The publishing outlet', required: true })
  parseOutlet(outlet: string): string {
    return outlet;
  }

  @Option({ flags: '--published-at <date>', description: 'When it was published (ISO 8601)' })
  parsePublishedAt(value: string): Date {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new Error('--published-at must be an ISO 8601 date');
    return date;
  }

  @Option({ flags: '--dry-run', description: 'Show what would be stored; write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'Print the whole answer as JSON' })
  parseJson(): boolean {
    return true;
  }
}
