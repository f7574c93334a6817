import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role.js';

/** An API key: only its public prefix and the SHA-256 of its secret are stored. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** The public part of the key, used to find the row before the constant-time comparison. */
  @Column({ type: 'varchar', length: 32, unique: true })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
