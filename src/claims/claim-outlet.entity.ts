import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One hop of a claim's `reportedBy` chain; position 0 is the outlet nearest the briefing. */
@Entity('claim_outlets')
export class ClaimOutlet {
  @PrimaryColumn()
  claimId: number;

  @PrimaryColumn()
  position: number;

  @Column()
  outletId: number;
}
