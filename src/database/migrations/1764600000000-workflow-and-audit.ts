import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The fact-checking desk's workflow: claim assignment (with the index behind `myQueue`),
 * follow-up times for NOT_CONFIRMED claims, and the audit trail, indexed for its filters; each
 * audit index ends in (at, id), the trail's keyset order.
 */
export class WorkflowAndAudit1764600000000 implements MigrationInterface {
  name = 'WorkflowAndAudit1764600000000';

  private readonly claimIndices = [
    new TableIndex({
      name: 'IDX_claims_assignee_status_created_at',
      columnNames: ['assignee', 'status', 'created_at', 'id'],
    }),
    new TableIndex({
      name: 'IDX_claims_status_follow_up_at',
      columnNames: ['status', 'follow_up_at'],
    }),
  ];

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp =
      queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.addColumns('claims', [
      new TableColumn({ name: 'assignee', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'follow_up_at', type: timestamp, isNullable: true }),
    ]);
    await queryRunner.createIndices('claims', this.claimIndices);
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'entity_type', type: 'varchar', length: '40' },
          { name: 'entity_id', type: 'varchar', length: '100' },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'at', type: timestamp },
        ],
        indices: [
          { columnNames: ['at', 'id'] },
          { columnNames: ['actor', 'at', 'id'] },
          { columnNames: ['action', 'at', 'id'] },
          { columnNames: ['entity_type', 'entity_id', 'at', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
    for (const index of this.claimIndices) await queryRunner.dropIndex('claims', index.name!);
    await queryRunner.dropColumns('claims', ['follow_up_at', 'assignee']);
  }
}
