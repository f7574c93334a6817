// What the benches that run the built server share: its bench-only dependencies, a snapshot of
// dist/ to run from, a free port and an API key.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import { relative, resolve } from 'node:path';
import { BENCH_DIR, PROJECT_DIR } from './drivers.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...parts) => console.log(...parts);

/** Installs bench/package.json's dependencies when one of `packages` is missing. */
export function ensureBenchDependencies(packages) {
  if (packages.every((p) => existsSync(resolve(BENCH_DIR, 'node_modules', p, 'package.json'))))
    return;
  log('Installing the bench-only dependencies (npm --prefix bench install)…');
  const r = spawnSync('npm', ['--prefix', BENCH_DIR, 'install', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('npm --prefix bench install failed');
}

/**
 * A copy of dist/ in `appDir`, so that a rebuild elsewhere cannot pull the server away mid-run;
 * builds first when dist/ is missing, and retries while a build elsewhere is rewriting it.
 */
export async function snapshotApp(appDir) {
  const dist = resolve(PROJECT_DIR, 'dist');
  for (let attempt = 1; ; attempt++) {
    if (!existsSync(resolve(dist, 'main.js'))) {
      log(`dist/ is missing: npm run build (attempt ${attempt})…`);
      const r = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_DIR, stdio: 'inherit' });
      if (r.status !== 0 && attempt < 3) {
        log('The build failed (work in progress elsewhere?): retrying in 60 s');
        await sleep(60_000);
        continue;
      }
      if (r.status !== 0) throw new Error('npm run build failed three times');
    }
    try {
      rmSync(resolve(appDir, 'dist'), { recursive: true, force: true });
      mkdirSync(appDir, { recursive: true });
      cpSync(dist, resolve(appDir, 'dist'), { recursive: true });
      // The snapshot must resolve the project's node_modules, not bench/node_modules (which has
      // the peer's own graphql): a link next to it comes first in Node's lookup.
      if (!existsSync(resolve(appDir, 'node_modules')))
        symlinkSync(
          relative(appDir, resolve(PROJECT_DIR, 'node_modules')),
          resolve(appDir, 'node_modules'),
        );
      if (
        existsSync(resolve(appDir, 'dist', 'main.js')) &&
        existsSync(resolve(appDir, 'dist', 'cli.js'))
      )
        return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
    log('dist/ changed while copying it (a build in progress?): retrying in 20 s');
    await sleep(20_000);
    if (attempt >= 5) throw new Error('Could not take a consistent copy of dist/');
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A FACT_CHECKER key, made with the snapshot's own CLI against `databaseUrl`. */
export function createKey(appDir, databaseUrl, { name, env = {} }) {
  const r = spawnSync(
    process.execPath,
    [
      resolve(appDir, 'dist', 'cli.js'),
      'api-key',
      'create',
      '--name',
      name,
      '--role',
      'FACT_CHECKER',
    ],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, NODE_ENV: 'production', ...env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    },
  );
  const key = /ctk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(r.stdout)?.[0];
  if (r.status !== 0 || !key) throw new Error(`api-key create failed: ${r.stdout}\n${r.stderr}`);
  return key;
}
