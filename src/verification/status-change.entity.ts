import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VerificationStatus } from './verification-status.js';

/** One step of a claim's status history, written in the same transaction as the status itself. */
@Entity('status_changes')
@Index(['claimId', 'changedAt'])
export class StatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  claimId: number;

  /** Null on the first change, when the claim was recorded. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  fromStatus: VerificationStatus | null;

  @Column({ type: 'varchar', length: 32 })
  toStatus: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'simple-json' })
  evidenceUrls: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  changedBy: string | null;

  @Column()
  changedAt: Date;
}
