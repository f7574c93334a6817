import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createScratchDatabase,
  postGraphql,
  seededRandom,
  startServerProcess,
  withSql,
  type ServerProcess,
} from '../support/server-process.js';

const onPostgres = inject('databaseUrl').startsWith('postgres');
const ROUNDS = 3;
const WORKERS = 8;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000_000);
const OPEN = ['UNVERIFIED', 'COULD_NOT_VERIFY', 'NOT_CONFIRMED', 'DISPUTED', 'DENIED'];

const UPDATE_STATUS = `mutation ($input: UpdateVerificationStatusInput!) {
  updateVerificationStatus(input: $input) { id status version }
}`;
const CREATE_CLAIM = `mutation ($input: CreateClaimInput!) {
  createClaim(input: $input) { id status version }
}`;
const ASSIGN = `mutation ($claimId: ID!, $assignee: String) {
  assignClaim(claimId: $claimId, assignee: $assignee) { id assignee }
}`;

type Write =
  | { kind: 'status'; claimId: number; version: number; to: string }
  | { kind: 'create'; claimId: number | null; text: string }
  | { kind: 'assign'; claimId: number; assignee: string | null };

interface TrackedClaim {
  id: number;
  version: number;
  status: string;
  assignee: string | null;
  busy: boolean;
}

interface Round {
  acknowledged: Write[];
  /** The writes sent but not answered when the server died: each may or may not have landed. */
  inFlight: Write[];
  unexpected: string[];
}

/**
 * Mixed writes at a steady pace against the built server; SIGKILL at a seeded random moment;
 * restart on the same database; every acknowledged write must be there and nothing half-written.
 */
describe(`crash safety: SIGKILL under write load (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: { url: string; drop: () => Promise<void> };
  let server: ServerProcess | null = null;
  let adminKey: string;

  beforeAll(async () => {
    database = await createScratchDatabase(inject('databaseUrl'), 'crash');
    server = await startServerProcess(database.url);
    const key = server.firstAdminKey();
    if (!key) throw new Error(`No ADMIN key printed on the first start:\n${server.output()}`);
    adminKey = key;
  }, 90_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it(`loses no acknowledged write over ${ROUNDS} kill rounds (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    console.log(`crash-safety seed ${SEED} (set CRASH_SEED to replay)`);
    const totals = { acknowledged: 0, lost: 0, halfWritten: 0, inFlight: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      const live = server!;
      const { claims, items } = await readState(live.url, adminKey);
      const killAfterMs = 800 + Math.floor(random() * 2200);
      const result = await driveUntilKilled(live, adminKey, claims, items, random, killAfterMs);
      server = await startServerProcess(database.url);
      const lost = await findLost(database.url, result);
      const halfWritten = await findHalfWritten(database.url);
      console.log(
        `round ${round}: killed after ${killAfterMs} ms; ${result.acknowledged.length} writes ` +
          `acknowledged, ${result.inFlight.length} in flight, lost ${lost.length}, ` +
          `half-written ${halfWritten.length}`,
      );
      expect(result.unexpected).toEqual([]);
      expect(result.acknowledged.length).toBeGreaterThan(20);
      expect(lost).toEqual([]);
      expect(halfWritten).toEqual([]);
      totals.acknowledged += result.acknowledged.length;
      totals.inFlight += result.inFlight.length;
      totals.lost += lost.length;
      totals.halfWritten += halfWritten.length;
    }
    console.log(
      `crash-safety (${onPostgres ? 'postgres' : 'sqlite'}, seed ${SEED}, ${ROUNDS} SIGKILLs): ` +
        `${totals.acknowledged} writes acknowledged, ${totals.inFlight} in flight at kills, ` +
        `lost ${totals.lost}, half-written ${totals.halfWritten}`,
    );
  }, 120_000);
});

/** The claims (all of them, through the API's pages) and the items new claims may go in. */
async function readState(url: string, key: string) {
  const claims: TrackedClaim[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await postGraphql(
      url,
      key,
      `query ($after: String) {
        claims(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { id version status assignee } }
        }
      }`,
      { after },
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    for (const { node } of body.data.claims.edges) {
      claims.push({ ...node, id: Number(node.id), busy: false });
    }
    if (!body.data.claims.pageInfo.hasNextPage) break;
    after = body.data.claims.pageInfo.endCursor;
  }
  const { body } = await postGraphql(
    url,
    key,
    `{ briefings(first: 5) { edges { node { items { id } } } } }`,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const items = body.data.briefings.edges.flatMap((edge: { node: { items: { id: string }[] } }) =>
    edge.node.items.map((item) => item.id),
  ) as string[];
  return { claims, items };
}

async function driveUntilKilled(
  server: ServerProcess,
  key: string,
  claims: TrackedClaim[],
  items: string[],
  random: () => number,
  killAfterMs: number,
): Promise<Round> {
  const round: Round = { acknowledged: [], inFlight: [], unexpected: [] };
  let killed = false;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

  const send = async (write: Write, query: string, variables: Record<string, unknown>) => {
    round.inFlight.push(write);
    try {
      const { status, body } = await postGraphql(server.url, key, query, variables);
      // An answer, even one read after the kill, was sent by the server: settled either way.
      round.inFlight.splice(round.inFlight.indexOf(write), 1);
      if (status === 200 && body.data && !body.errors) {
        round.acknowledged.push(write);
        return body.data;
      }
      round.unexpected.push(`${status} ${JSON.stringify(body).slice(0, 300)}`);
      return null;
    } catch (error) {
      // A connection the kill cut is unanswered, not refused: the write may or may not be in.
      if (!killed) round.unexpected.push(String(error));
      return null;
    }
  };

  const worker = async () => {
    while (!killed) {
      const choice = random();
      if (choice < 0.2) {
        const text = `Crash probe ${Math.floor(random() * 1e9)}`;
        const write: Write = { kind: 'create', claimId: null, text };
        const data = await send(write, CREATE_CLAIM, {
          input: { itemId: pick(items), text, speakerName: `Speaker ${Math.floor(random() * 50)}` },
        });
        if (data) {
          write.claimId = Number(data.createClaim.id);
          claims.push({
            id: write.claimId,
            version: 1,
            status: 'UNVERIFIED',
            assignee: null,
            busy: false,
          });
        }
        continue;
      }
      const free = claims.filter((claim) => !claim.busy);
      if (free.length === 0) {
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      const claim = pick(free);
      claim.busy = true;
      if (choice < 0.8) {
        const to =
          claim.status === 'RETRACTED'
            ? 'UNVERIFIED'
            : pick(OPEN.filter((status) => status !== claim.status));
        const write: Write = { kind: 'status', claimId: claim.id, version: claim.version + 1, to };
        const data = await send(write, UPDATE_STATUS, {
          input: {
            claimId: String(claim.id),
            expectedVersion: claim.version,
            status: to,
            note: 'crash-safety probe',
          },
        });
        if (data) {
          claim.version = data.updateVerificationStatus.version;
          claim.status = to;
        }
      } else {
        const assignee = claim.assignee ? null : 'admin';
        const write: Write = { kind: 'assign', claimId: claim.id, assignee };
        const data = await send(write, ASSIGN, { claimId: String(claim.id), assignee });
        if (data) claim.assignee = assignee;
      }
      claim.busy = false;
    }
  };

  const workers = Array.from({ length: WORKERS }, worker);
  await new Promise((r) => setTimeout(r, killAfterMs));
  killed = true;
  server.child.kill('SIGKILL');
  await Promise.all(workers);
  await server.stop('SIGKILL');
  return round;
}

/** Acknowledged writes the restarted database does not hold. */
async function findLost(databaseUrl: string, round: Round): Promise<string[]> {
  return withSql(databaseUrl, async (all) => {
    const claims = new Map(
      (await all('SELECT id, version, status, assignee, text FROM claims')).map((row) => [
        Number(row.id),
        row,
      ]),
    );
    const history = new Map<number, string[]>();
    for (const row of await all('SELECT claim_id, to_status FROM status_changes ORDER BY id')) {
      const id = Number(row.claim_id);
      history.set(id, [...(history.get(id) ?? []), String(row.to_status)]);
    }
    const lastAssign = new Map<number, string | null>();
    const lost: string[] = [];
    for (const write of round.acknowledged) {
      if (write.kind === 'assign') lastAssign.set(write.claimId, write.assignee);
      if (write.kind === 'create') {
        if (claims.get(write.claimId!)?.text !== write.text) lost.push(JSON.stringify(write));
      }
      if (write.kind === 'status') {
        const claim = claims.get(write.claimId);
        const step = history.get(write.claimId)?.[write.version - 1];
        if (!claim || Number(claim.version) < write.version || step !== write.to) {
          lost.push(JSON.stringify(write));
        }
      }
    }
    for (const [claimId, assignee] of lastAssign) {
      const pending = round.inFlight.find((w) => w.kind === 'assign' && w.claimId === claimId);
      const actual = claims.get(claimId)?.assignee ?? null;
      const allowed = [assignee, ...(pending?.kind === 'assign' ? [pending.assignee] : [])];
      if (!allowed.includes(actual as string | null)) {
        lost.push(`assign ${claimId}: ${String(actual)} not in ${JSON.stringify(allowed)}`);
      }
    }
    return lost;
  });
}

/** Rows a torn write would leave: a status without its history, history without its claim… */
async function findHalfWritten(databaseUrl: string): Promise<string[]> {
  return withSql(databaseUrl, async (all) => {
    const rows = await all(`
      SELECT 'status is not the latest history step' AS problem, c.id AS id FROM claims c
       WHERE c.status IS DISTINCT FROM (SELECT s.to_status FROM status_changes s
             WHERE s.claim_id = c.id ORDER BY s.id DESC LIMIT 1)
      UNION ALL
      SELECT 'version differs from its history rows', c.id FROM claims c
       WHERE c.version <> (SELECT COUNT(*) FROM status_changes s WHERE s.claim_id = c.id)
      UNION ALL
      SELECT 'claim without its item', c.id FROM claims c
       WHERE NOT EXISTS (SELECT 1 FROM briefing_items i WHERE i.id = c.item_id)
      UNION ALL
      SELECT 'history row without its claim', s.id FROM status_changes s
       WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = s.claim_id)
      UNION ALL
      SELECT 'status changes and audit events differ', c.id FROM claims c
       WHERE (SELECT COUNT(*) FROM status_changes s
               WHERE s.claim_id = c.id AND s.from_status IS NOT NULL)
          <> (SELECT COUNT(*) FROM audit_events a WHERE a.entity_type = 'CLAIM'
               AND a.action = 'STATUS_CHANGED' AND a.entity_id = CAST(c.id AS TEXT))`);
    return rows.map((row) => `${String(row.problem)}: ${String(row.id)}`);
  });
}
