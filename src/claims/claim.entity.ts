import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VerificationStatus } from '../verification/verification-status.js';

/** One attributed statement inside a briefing item. */
@Entity('claims')
export class Claim {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  itemId: number;

  /** The item's briefing, kept on the claim so filters and pages need no join. */
  @Column()
  briefingId: number;

  @Column({ type: 'text' })
  text: string;

  /** The exact span of the item's text the statement comes from, with its offsets. */
  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'integer', nullable: true })
  quoteStart: number | null;

  @Column({ type: 'integer', nullable: true })
  quoteEnd: number | null;

  @Column()
  speakerId: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  speakerRole: string | null;

  @Column({ type: 'varchar', length: 32 })
  status: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  verificationPhrase: string | null;

  /**
   * The API key name the claim is assigned to, or null. Assignment is not content: it does not
   * bump `version`, so it never makes a fact-checker's pending status change stale.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  assignee: string | null;

  /** For a NOT_CONFIRMED claim, when to ask again; cleared when the status moves on. */
  @Column({ type: Date, nullable: true })
  followUpAt: Date | null;

  /** True when extraction found the claim rather than a person typing it in. */
  @Column({ default: false })
  extracted: boolean;

  /** The extractor's confidence (0–1) for an extracted claim; null for claims typed in. */
  @Column({ type: 'real', nullable: true })
  extractionConfidence: number | null;

  /**
   * When a person first reviewed the claim: recorded it, edited it, moved its status or accepted
   * it (reviewClaim). Null only for extracted claims nobody has looked at yet.
   */
  @Column({ type: Date, nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reviewedBy: string | null;

  /**
   * Bumped by every content or status write; writers send the version they read (a conditional
   * UPDATE checks it).
   */
  @Column()
  version: number;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
