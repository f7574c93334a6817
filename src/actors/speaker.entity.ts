import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SpeakerKind } from './actor-kinds.js';

/** Who made a statement. The role they held when speaking belongs to the claim. */
@Entity('speakers')
export class Speaker {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** The unique key: see `normalizeName`. */
  @Column({ type: 'varchar', length: 300, unique: true })
  normalizedName: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SpeakerKind;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation: string | null;

  @Column()
  createdAt: Date;
}
