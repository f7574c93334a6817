import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditAction, AuditEntityType } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ApiKey } from './api-key.entity.js';
import { apiKeyNameTaken, apiKeyNotFound, invalidApiKey } from './api-key.errors.js';
import type { Principal } from './principal.js';
import { Role } from './role.js';

/** `ctk_<prefix>_<secret>`: the prefix finds the row, the secret is compared by its hash. */
const KEY_PATTERN = /^ctk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A verified key is trusted this long before it is looked up again (revocation elsewhere lags by as much). */
const CACHE_MILLISECONDS = 10_000;
/** `lastUsedAt` is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MILLISECONDS = 60_000;

export interface CreatedApiKey {
  /** The key itself: shown once, never stored. */
  key: string;
  apiKey: ApiKey;
}

export const FIRST_ADMIN_KEY_NAME = 'admin';

/**
 * Recorded as the author of key management done on the machine itself, without an API key:
 * the command line and the first start.
 */
const LOCAL_ACTOR = 'local';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A key as the audit trail records it: never its secret nor the secret's hash. */
function apiKeySnapshot(apiKey: ApiKey) {
  const { id, name, role, prefix, createdAt, revokedAt } = apiKey;
  return { id, name, role, prefix, createdAt, revokedAt };
}

function randomPrefix(): string {
  return Array.from(randomBytes(12), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join(
    '',
  );
}

@Injectable()
export class ApiKeysService {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  createApiKey(name: string, role: Role, actor = LOCAL_ACTOR): Promise<CreatedApiKey> {
    return this.unitOfWork.run(async (manager) => {
      if (await manager.existsBy(ApiKey, { name })) throw apiKeyNameTaken(name);
      const prefix = randomPrefix();
      const secret = randomBytes(32).toString('base64url');
      const apiKey = manager.create(ApiKey, {
        name,
        role,
        prefix,
        secretHash: sha256(secret).toString('hex'),
        createdAt: new Date(),
        lastUsedAt: null,
        revokedAt: null,
      });
      await manager.insert(ApiKey, apiKey);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.API_KEY_CREATED,
        entityType: AuditEntityType.API_KEY,
        entityId: name,
        before: null,
        after: apiKeySnapshot(apiKey),
      });
      return { key: `ctk_${prefix}_${secret}`, apiKey };
    });
  }

  /** Whether a key of that name exists and works (is not revoked), read through `manager`. */
  isActiveKeyName(manager: EntityManager, name: string): Promise<boolean> {
    return manager.existsBy(ApiKey, { name, revokedAt: IsNull() });
  }

  listApiKeys(): Promise<ApiKey[]> {
    return this.dataSource.manager.find(ApiKey, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** On a database without any key, creates the first ADMIN key, so someone can get in. */
  async createFirstAdminKey(): Promise<CreatedApiKey | null> {
    if ((await this.dataSource.manager.count(ApiKey)) > 0) return null;
    return this.createApiKey(FIRST_ADMIN_KEY_NAME, Role.ADMIN);
  }

  /** Revokes a key by name; it stops working at once here, within seconds on other instances. */
  revokeApiKey(name: string, actor = LOCAL_ACTOR): Promise<ApiKey> {
    return this.unitOfWork.run(async (manager) => {
      const apiKey = await manager.findOneBy(ApiKey, { name, revokedAt: IsNull() });
      if (!apiKey) throw apiKeyNotFound(name);
      const before = apiKeySnapshot(apiKey);
      apiKey.revokedAt = new Date();
      await manager.update(ApiKey, { id: apiKey.id }, { revokedAt: apiKey.revokedAt });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.API_KEY_REVOKED,
        entityType: AuditEntityType.API_KEY,
        entityId: name,
        before,
        after: apiKeySnapshot(apiKey),
      });
      for (const [key, entry] of this.verified) {
        if (entry.principal.apiKeyId === apiKey.id) this.verified.delete(key);
      }
      return apiKey;
    });
  }

  /**
   * The principal of an `Authorization: Bearer <key>` header: null when there is no header,
   * UNAUTHENTICATED when the key is malformed, unknown or revoked.
   */
  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    if (!authorization) return null;
    const key = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    const parts = key ? KEY_PATTERN.exec(key) : null;
    if (!key || !parts) throw invalidApiKey();

    const cached = this.verified.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;

    const apiKey = await this.dataSource.manager.findOneBy(ApiKey, { prefix: parts[1] });
    const expected = Buffer.from(apiKey?.secretHash ?? '0'.repeat(64), 'hex');
    // Compared in constant time, and even for an unknown prefix, so timing reveals nothing.
    const matches = timingSafeEqual(sha256(parts[2]), expected);
    if (!apiKey || !matches || apiKey.revokedAt) throw invalidApiKey();

    const principal: Principal = { apiKeyId: apiKey.id, name: apiKey.name, role: apiKey.role };
    this.verified.set(key, { principal, until: Date.now() + CACHE_MILLISECONDS });
    await this.touch(apiKey);
    return principal;
  }

  private async touch(apiKey: ApiKey): Promise<void> {
    const now = new Date();
    if (
      apiKey.lastUsedAt &&
      now.getTime() - apiKey.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MILLISECONDS
    ) {
      return;
    }
    await this.unitOfWork.run((manager) =>
      manager.update(ApiKey, { id: apiKey.id }, { lastUsedAt: now }),
    );
  }
}
