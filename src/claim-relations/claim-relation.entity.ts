import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimRelationType } from './claim-relation-type.js';

/** A typed, directed link between two claims, across items and briefings. */
@Entity('claim_relations')
@Index(['fromClaimId', 'toClaimId', 'type'], { unique: true })
export class ClaimRelation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  fromClaimId: number;

  @Column()
  toClaimId: number;

  @Column({ type: 'varchar', length: 16 })
  type: ClaimRelationType;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
