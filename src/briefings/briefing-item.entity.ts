import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One paragraph of a briefing, numbered from 0 in reading order. */
@Entity('briefing_items')
@Index(['briefingId', 'position'], { unique: true })
export class BriefingItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  briefingId: number;

  @Column()
  position: number;

  @Column({ type: 'text' })
  text: string;
}
