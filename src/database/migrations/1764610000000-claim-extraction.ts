import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Provenance of claims: whether extraction found a claim (and how sure it was), and when a person
 * first reviewed it. Claims typed in by people count as reviewed when recorded, so the backfill
 * marks every existing claim reviewed at its creation; the index serves the editors' "extracted,
 * not yet reviewed" list in its keyset order.
 */
export class ClaimExtraction1764610000000 implements MigrationInterface {
  name = 'ClaimExtraction1764610000000';

  private readonly reviewIndex = new TableIndex({
    name: 'IDX_claims_reviewed_at_created_at',
    columnNames: ['reviewed_at', 'created_at', 'id'],
  });

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp =
      queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.addColumns('claims', [
      new TableColumn({ name: 'extracted', type: 'boolean', default: false }),
      new TableColumn({ name: 'extraction_confidence', type: 'real', isNullable: true }),
      new TableColumn({ name: 'reviewed_at', type: timestamp, isNullable: true }),
      new TableColumn({ name: 'reviewed_by', type: 'varchar', length: '100', isNullable: true }),
    ]);
    await queryRunner.query('UPDATE claims SET reviewed_at = created_at');
    await queryRunner.createIndex('claims', this.reviewIndex);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('claims', this.reviewIndex.name!);
    await queryRunner.dropColumns('claims', [
      'reviewed_by',
      'reviewed_at',
      'extraction_confidence',
      'extracted',
    ]);
  }
}
