import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

export const PROJECT_DIR = resolve(import.meta.dirname, '../..');
/** The build to run: dist/, or CLAIMTRACK_DIST (a snapshot, safe from a rebuild mid-run). */
const DIST = resolve(process.env.CLAIMTRACK_DIST ?? resolve(PROJECT_DIR, 'dist'));
const MAIN = resolve(DIST, 'main.js');
const CLI = resolve(DIST, 'cli.js');

/** The built server must exist: `npm test` builds first (its `pretest`), as `.ci/run` does. */
export function assertBuilt(): void {
  if (!existsSync(MAIN) || !existsSync(CLI)) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it in pretest)');
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** The ADMIN key a first start on a keyless database prints, if it printed one. */
  firstAdminKey(): string | null;
  /** Sends `signal` and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node dist/main.js` on `databaseUrl` and waits until /health/ready answers 200. */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  assertBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${base}/health/ready`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become ready in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url: `${base}/graphql`,
    output: () => output,
    firstAdminKey: () => /\b(ctk_[A-Za-z0-9]+_[A-Za-z0-9_-]+)/.exec(output)?.[1] ?? null,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` on `databaseUrl`. */
export function runCli(databaseUrl: string, args: string[]): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: PROJECT_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
  });
}

/** Posts one GraphQL request; returns the HTTP status and the parsed body. */
export async function postGraphql(
  url: string,
  key: string | null,
  query: string,
  variables?: Record<string, unknown>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read responses field by field
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

/**
 * A database of its own beside the run's: a temporary SQLite file next to it, or a new
 * PostgreSQL database on the same server. `drop` removes it.
 */
export async function createScratchDatabase(
  runUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!runUrl.startsWith('postgres')) {
    const path = resolve(runUrl.slice('sqlite:'.length), '..', `${name}.sqlite`);
    const { rmSync } = await import('node:fs');
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    };
    await drop();
    return { url: `sqlite:${path}`, drop };
  }
  const database = `${new URL(runUrl).pathname.slice(1)}_${name}`.toLowerCase();
  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(runUrl);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: runUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A seeded PRNG (mulberry32): the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plain SQL on a database by URL, for checks the API does not expose. */
export async function withSql<T>(
  databaseUrl: string,
  work: (all: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  if (databaseUrl.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(async (sql) => (await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
  try {
    return await work(async (sql) => db.prepare(sql).all() as Record<string, unknown>[]);
  } finally {
    db.close();
  }
}
