import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OutletKind } from './actor-kinds.js';

/** A news organisation or relay that carries statements. */
@Entity('outlets')
export class Outlet {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The unique key: see `normalizeName`. */
  @Column({ type: 'varchar', length: 200, unique: true })
  normalizedName: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OutletKind;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column()
  createdAt: Date;
}
