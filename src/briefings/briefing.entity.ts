import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A published live briefing or article. */
@Entity('briefings')
export class Briefing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true, unique: true })
  url: string | null;

  @Column({ type: 'integer', nullable: true })
  outletId: number | null;

  @Column({ type: Date, nullable: true })
  publishedAt: Date | null;

  @Column()
  createdAt: Date;

  @Column()
  updatedAt: Date;
}
