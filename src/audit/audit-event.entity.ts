import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, AuditEntityType } from './audit-action.js';
import type { AuditSnapshot } from './audit-snapshot.js';

/**
 * Who did what to which record, when, with the record before and after; written in the same
 * transaction as the change itself, so a change that rolls back leaves no event.
 */
@Entity('audit_events')
@Index(['at', 'id'])
@Index(['actor', 'at', 'id'])
@Index(['action', 'at', 'id'])
@Index(['entityType', 'entityId', 'at', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** The API key name of the caller, or the process ("seed", "local") for work without one. */
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ type: 'varchar', length: 40 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 40 })
  entityType: AuditEntityType;

  /** The record's id; an API key's name, the only handle clients have on a key. */
  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  /** JSON snapshots: null before a creation and after a deletion. */
  @Column({ type: 'simple-json', nullable: true })
  before: AuditSnapshot | null;

  @Column({ type: 'simple-json', nullable: true })
  after: AuditSnapshot | null;

  @Column()
  at: Date;
}
