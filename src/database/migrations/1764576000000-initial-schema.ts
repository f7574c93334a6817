import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * The core schema, written with TypeORM's Table API so one migration serves SQLite and
 * PostgreSQL; only the timestamp type differs (timestamptz keeps instants exact on PostgreSQL).
 */
export class InitialSchema1764576000000 implements MigrationInterface {
  name = 'InitialSchema1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp =
      queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    const id: TableColumnOptions = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    };
    const reference = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable,
    });
    const at = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: timestamp,
      isNullable,
    });
    const text = (name: string, isNullable = true): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable,
    });
    const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });

    await queryRunner.createTable(
      new Table({
        name: 'outlets',
        columns: [
          id,
          varchar('name', 200),
          { ...varchar('normalized_name', 200), isUnique: true },
          varchar('kind', 16),
          varchar('url', 2000, true),
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'speakers',
        columns: [
          id,
          varchar('name', 300),
          { ...varchar('normalized_name', 300), isUnique: true },
          varchar('kind', 16),
          varchar('affiliation', 300, true),
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'briefings',
        columns: [
          id,
          varchar('title', 500),
          { ...varchar('url', 2000, true), isUnique: true },
          reference('outlet_id', true),
          at('published_at', true),
          at('created_at'),
          at('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['outlet_id'],
            referencedTableName: 'outlets',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['created_at', 'id'] }, { columnNames: ['outlet_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'briefing_items',
        columns: [
          id,
          reference('briefing_id'),
          { name: 'position', type: 'integer' },
          text('text', false),
        ],
        foreignKeys: [
          {
            columnNames: ['briefing_id'],
            referencedTableName: 'briefings',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['briefing_id', 'position'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'claims',
        columns: [
          id,
          reference('item_id'),
          reference('briefing_id'),
          text('text', false),
          text('quote'),
          { name: 'quote_start', type: 'integer', isNullable: true },
          { name: 'quote_end', type: 'integer', isNullable: true },
          reference('speaker_id'),
          varchar('speaker_role', 300, true),
          varchar('status', 32),
          text('verification_phrase'),
          { name: 'version', type: 'integer' },
          at('created_at'),
          at('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['item_id'],
            referencedTableName: 'briefing_items',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['briefing_id'],
            referencedTableName: 'briefings',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['speaker_id'],
            referencedTableName: 'speakers',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          // The lists: newest first overall, in the editors' queue (by status), per speaker and
          // per briefing; each ends in (created_at, id), the keyset order.
          { columnNames: ['created_at', 'id'] },
          { columnNames: ['status', 'created_at', 'id'] },
          { columnNames: ['speaker_id', 'created_at', 'id'] },
          { columnNames: ['briefing_id', 'created_at', 'id'] },
          { columnNames: ['item_id'] },
          { columnNames: ['updated_at', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'claim_outlets',
        columns: [
          { ...reference('claim_id'), isPrimary: true },
          { name: 'position', type: 'integer', isPrimary: true },
          reference('outlet_id'),
        ],
        foreignKeys: [
          {
            columnNames: ['claim_id'],
            referencedTableName: 'claims',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['outlet_id'],
            referencedTableName: 'outlets',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ columnNames: ['outlet_id', 'claim_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'status_changes',
        columns: [
          id,
          reference('claim_id'),
          varchar('from_status', 32, true),
          varchar('to_status', 32),
          text('note'),
          text('evidence_urls', false),
          varchar('changed_by', 200, true),
          at('changed_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['claim_id'],
            referencedTableName: 'claims',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['claim_id', 'changed_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'claim_relations',
        columns: [
          id,
          reference('from_claim_id'),
          reference('to_claim_id'),
          varchar('type', 16),
          text('note'),
          varchar('created_by', 200, true),
          at('created_at'),
          at('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['from_claim_id'],
            referencedTableName: 'claims',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['to_claim_id'],
            referencedTableName: 'claims',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          { columnNames: ['from_claim_id', 'to_claim_id', 'type'], isUnique: true },
          { columnNames: ['to_claim_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'claim_relations',
      'status_changes',
      'claim_outlets',
      'claims',
      'briefing_items',
      'briefings',
      'speakers',
      'outlets',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
