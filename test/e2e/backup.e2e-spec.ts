import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role } from '../../src/auth/role.js';
import { createBriefing, createClaim, type CreatedClaim } from '../support/factories.js';
import {
  createScratchDatabase,
  postGraphql,
  runCli,
  startServerProcess,
  withSql,
} from '../support/server-process.js';
import { startTestApp, type TestApp, type TestKey } from '../support/test-app.js';

const runUrl = inject('databaseUrl');
const onPostgres = runUrl.startsWith('postgres');
// A multiple of WRITERS: writer k owns the claims at k, k + WRITERS, …, so none conflict.
const CLAIMS = 32;
const WRITERS = 4;
const OPEN = ['COULD_NOT_VERIFY', 'NOT_CONFIRMED', 'DISPUTED', 'DENIED', 'UNVERIFIED'];

const UPDATE_STATUS = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { version }
}`;

/**
 * `claimtrack backup` while status changes stream in through the API, then `claimtrack restore`
 * into a fresh database: the copy holds one consistent moment (every status with its history
 * row), everything acknowledged before the backup began and nothing that was never sent.
 */
describe(`backup and restore (${onPostgres ? 'PostgreSQL: pg_dump' : 'SQLite: backup API'})`, () => {
  let t: TestApp;
  let checker: TestKey;
  let claims: CreatedClaim[];
  let directory: string;
  let source: { url: string; drop: () => Promise<void> };
  let restored: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    // A database of its own: the backup holds exactly this test's claims and writes.
    source = await createScratchDatabase(runUrl, 'backup_source');
    t = await startTestApp({ env: { DATABASE_URL: source.url } });
    checker = await t.createKey(Role.FACT_CHECKER, 'backup-writer');
    const briefing = await createBriefing(t, { title: 'Backup under load' });
    claims = [];
    for (let i = 0; i < CLAIMS; i++) {
      claims.push(await createClaim(t, briefing.items[i % 2].id, { text: `Backed up ${i}` }));
    }
    directory = mkdtempSync(join(tmpdir(), 'claimtrack-backup-'));
    restored = await createScratchDatabase(runUrl, 'restored');
  });

  afterAll(async () => {
    await t?.close();
    await source?.drop();
    await restored?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('copies a consistent state under write load, and the restore serves requests', async () => {
    const file = join(directory, onPostgres ? 'claimtrack.dump' : 'claimtrack.sqlite');
    const versions = new Map(claims.map((claim) => [claim.id, 1]));
    const statuses = new Map(claims.map((claim) => [claim.id, 'UNVERIFIED']));
    let acknowledged = 0;
    let refused = 0;
    let stop = false;
    const writer = async (offset: number) => {
      for (let i = offset; !stop; i += WRITERS) {
        const claim = claims[i % CLAIMS];
        const current = statuses.get(claim.id)!;
        const next = OPEN[(OPEN.indexOf(current) + 1) % OPEN.length];
        const { errors, data } = await t.gql(
          UPDATE_STATUS,
          {
            input: { claimId: claim.id, expectedVersion: versions.get(claim.id), status: next },
          },
          { key: checker.key },
        );
        if (errors) {
          refused++;
          continue;
        }
        acknowledged++;
        versions.set(claim.id, data.updateVerificationStatus.version);
        statuses.set(claim.id, next);
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, offset) => writer(offset));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ackedBefore = acknowledged;
    const backup = await runCli(source.url, ['backup', file]);
    const ackedAfter = acknowledged;
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up /);
    expect(refused).toBe(0);
    expect(ackedAfter).toBeGreaterThan(ackedBefore);
    expect(acknowledged).toBeGreaterThan(ackedAfter);

    const restore = await runCli(restored.url, ['restore', file]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/every claim with its history, migrations current/);

    const ids = claims.map((claim) => Number(claim.id)).join(',');
    const copy = await withSql(restored.url, async (all) => ({
      claims: await all(`SELECT id, version, status FROM claims WHERE id IN (${ids})`),
      history: await all(
        `SELECT claim_id, to_status FROM status_changes WHERE claim_id IN (${ids}) ORDER BY id`,
      ),
      orphans: await all(
        `SELECT COUNT(*) AS n FROM status_changes s
          WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = s.claim_id)`,
      ),
    }));
    expect(copy.claims).toHaveLength(CLAIMS);
    expect(Number(copy.orphans[0].n)).toBe(0);
    // Consistent: each claim's status is its last history row and its version counts them.
    for (const claim of copy.claims) {
      const steps = copy.history.filter((row) => Number(row.claim_id) === Number(claim.id));
      expect(Number(claim.version)).toBe(steps.length);
      expect(claim.status).toBe(steps.at(-1)?.to_status);
    }
    // Complete: everything acknowledged before the backup began; at most what was sent by its end.
    const changesInCopy = copy.history.length - CLAIMS;
    expect(changesInCopy).toBeGreaterThanOrEqual(ackedBefore);
    expect(changesInCopy).toBeLessThanOrEqual(ackedAfter + WRITERS);
    console.log(
      `backup under load (${onPostgres ? 'postgres' : 'sqlite'}): ${acknowledged} status changes ` +
        `acknowledged in all, ${ackedBefore} before the backup began, ${ackedAfter} by its end; ` +
        `the copy holds ${changesInCopy}, ${copy.claims.length} claims, every one consistent`,
    );

    // The restored database serves requests, with the keys the backup carried.
    const server = await startServerProcess(restored.url);
    try {
      const claim = claims[0];
      const read = await postGraphql(
        server.url,
        checker.key,
        `query ($id: ID!) { claim(id: $id) { version status statusHistory { to } } }`,
        { id: claim.id },
      );
      expect(read.body.errors).toBeUndefined();
      const { version, status } = read.body.data.claim;
      expect(read.body.data.claim.statusHistory).toHaveLength(version);
      // Any open status but the one the backup caught the writers at.
      const next = OPEN.find((open) => open !== status);
      const write = await postGraphql(server.url, checker.key, UPDATE_STATUS, {
        input: {
          claimId: claim.id,
          expectedVersion: version,
          status: next,
          note: 'after the restore',
        },
      });
      expect(write.body.errors).toBeUndefined();
      expect(write.body.data.updateVerificationStatus.version).toBe(version + 1);

      // A database that holds data is not replaced without --force.
      const again = await runCli(restored.url, ['restore', file]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^The database is not empty \(\d+ rows\): restore with --force/);
    } finally {
      await server.stop();
    }

    const forced = await runCli(restored.url, ['restore', file, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const afterForce = await withSql(restored.url, (all) =>
      all(`SELECT COUNT(*) AS n FROM status_changes WHERE claim_id IN (${ids})`),
    );
    expect(Number(afterForce[0].n)).toBe(copy.history.length);
  }, 120_000);

  it('refuses a damaged backup and an existing backup file, changing nothing', async () => {
    const damaged = join(directory, 'damaged');
    writeFileSync(damaged, 'not a backup at all\n'.repeat(100));
    const target = await createScratchDatabase(runUrl, 'damaged_target');
    try {
      const restore = await runCli(target.url, ['restore', damaged]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(
        onPostgres ? /^pg_restore failed: / : /is not a readable SQLite database/,
      );
      const existing = await runCli(source.url, ['backup', damaged]);
      expect(existing.code).toBe(1);
      expect(existing.stderr).toMatch(/exists: choose a new file/);
    } finally {
      await target.drop();
    }
  }, 60_000);

  it.skipIf(onPostgres)(
    'refuses a backup from a newer schema',
    async () => {
      const file = join(directory, 'newer.sqlite');
      expect((await runCli(source.url, ['backup', file])).code).toBe(0);
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file);
      db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`).run(
        9999999999999,
        'FromTheFuture9999999999999',
      );
      db.close();
      const target = await createScratchDatabase(runUrl, 'newer_target');
      try {
        const restore = await runCli(target.url, ['restore', file]);
        expect(restore.code).toBe(1);
        expect(restore.stderr).toMatch(/comes from a newer version \(migrations FromTheFuture/);
      } finally {
        await target.drop();
      }
    },
    60_000,
  );
});
