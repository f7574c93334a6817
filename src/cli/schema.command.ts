import { GRAPHQL_SDL_FILE_HEADER, GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createApp } from '../app.factory.js';
import { SCHEMA_FILE } from '../app.module.js';

/** Prints the schema exactly as Nest's autoSchemaFile writes it. */
async function renderSchema(): Promise<string> {
  // The schema does not depend on data: build it against a throw-away in-memory database.
  process.env.DATABASE_URL = 'sqlite::memory:';
  process.env.NODE_ENV = 'test';
  const app = await createApp({ logLevel: 'error' });
  try {
    return (
      GRAPHQL_SDL_FILE_HEADER +
      printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))
    );
  } finally {
    await app.close();
  }
}

@Command({
  name: 'schema',
  description: `Write the GraphQL schema to ${SCHEMA_FILE}, or with --check fail if the committed one is stale`,
})
export class SchemaCommand extends CommandRunner {
  async run(_params: string[], options: { check?: boolean }): Promise<void> {
    const schema = await renderSchema();
    if (!options.check) {
      await writeFile(SCHEMA_FILE, schema);
      console.log(`Wrote ${SCHEMA_FILE}`);
      return;
    }
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    if (committed !== schema) {
      console.error(`${SCHEMA_FILE} is stale: run \`npm run schema\` and commit the result`);
      process.exitCode = 1;
      return;
    }
    console.log(`${SCHEMA_FILE} is up to date`);
  }

  @Option({ flags: '--check', description: `Compare with ${SCHEMA_FILE} instead of writing it` })
  parseCheck(): boolean {
    return true;
  }
}
