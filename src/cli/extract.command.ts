import { Command, CommandRunner, Option } from 'nest-commander';
import { extractBriefing } from '../ingestion/extraction/extract-briefing.js';
import { readTextArgument } from './read-text-argument.js';

interface ExtractOptions {
  items?: boolean;
  compact?: boolean;
}

/**
 * The extraction of a text in the annotation format of `shared/seed/briefing.json`
 * (`{ source, claims, relations }`), so it can be scored against a hand annotation.
 */
export function extractionDocument(text: string, options: ExtractOptions = {}): object {
  const extraction = extractBriefing(text);
  return {
    source: { url: null, outlet: null, title: extraction.items[0] ?? null, publishedAt: null },
    ...(options.items ? { items: extraction.items } : {}),
    claims: extraction.claims,
    relations: extraction.relations,
  };
}

@Command({
  name: 'extract',
  arguments: '<file>',
  description:
    "Print the claims extracted from a briefing's text file (- for standard input) as JSON; touches no database",
})
export class ExtractCommand extends CommandRunner {
  async run([file]: string[], options: ExtractOptions): Promise<void> {
    const document = extractionDocument(await readTextArgument(file), options);
    process.stdout.write(`${JSON.stringify(document, null, options.compact ? undefined : 2)}\n`);
  }

  @Option({ flags: '--items', description: 'Include the item texts the offsets refer to' })
  parseItems(): boolean {
    return true;
  }

  @Option({ flags: '--compact', description: 'One line of JSON instead of indented output' })
  parseCompact(): boolean {
    return true;
  }
}
