#!/usr/bin/env node
// The load generator: autocannon in its own process, forked once by run.mjs and driven over IPC
// (one message per measured run, so no process start-up sits inside a round).
//
// Modes:
//   static    the same body every request
//   pool      a body drawn at random (seeded) from a list per request
//   mutation  updateVerificationStatus on a pool of claims whose versions it tracks: each request
//             takes a claim no other connection has in flight, sends the version it knows and
//             the status that version's parity calls for (so every move is allowed), and learns
//             the new version from the answer (or the CONFLICT's currentVersion)
//   hot       the same, on one claim, every connection at once: one wins, the others conflict
import { createRequire } from 'node:module';
import { seededRandom } from './lib/random.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const okBody = (body) =>
  typeof body === 'string' && body.startsWith('{"data":{') && !body.includes('"errors"');

function run(spec) {
  const random = seededRandom(spec.seed ?? 1);
  const counts = {
    gqlErrors: 0,
    successes: 0,
    conflicts: 0,
    otherErrors: 0,
    sent: 0,
    answered: 0,
    sampleError: null,
  };
  let requests;
  if (spec.mode === 'static' || spec.mode === 'pool') {
    const bodies = (spec.mode === 'static' ? [spec.body] : spec.bodies).map((b) =>
      JSON.stringify(b),
    );
    requests = [
      {
        setupRequest: (req) => ({
          ...req,
          body: bodies.length === 1 ? bodies[0] : bodies[Math.floor(random() * bodies.length)],
        }),
        onResponse: (status, body) => {
          if (status !== 200 || !okBody(body)) {
            counts.gqlErrors++;
            counts.sampleError ??= String(body).slice(0, 300);
          }
        },
      },
    ];
  } else {
    // claims: [{ id, v0, s0, alt, version }]
    const claims = spec.claims.map((c) => ({ ...c }));
    const free = claims.map((_, i) => i);
    const hot = spec.mode === 'hot';
    const target = (c, version) => ((version - c.v0) % 2 === 0 ? c.alt : c.s0);
    requests = [
      {
        setupRequest: (req, context) => {
          let index;
          if (hot) index = 0;
          else {
            const k = Math.floor(random() * free.length);
            index = free[k];
            free[k] = free[free.length - 1];
            free.pop();
          }
          context.index = index;
          counts.sent++;
          const c = claims[index];
          const body = {
            operationName: 'SetStatus',
            query: spec.query,
            variables: {
              input: {
                claimId: String(c.id),
                status: target(c, c.version),
                expectedVersion: c.version,
                note: 'bench: re-checked',
              },
            },
          };
          return { ...req, body: JSON.stringify(body) };
        },
        onResponse: (status, body, context) => {
          const c = claims[context.index];
          counts.answered++;
          if (!hot) free.push(context.index);
          let json = null;
          try {
            json = JSON.parse(body);
          } catch {
            /* counted below */
          }
          const done = json?.data?.updateVerificationStatus;
          const error = json?.errors?.[0];
          if (done) {
            counts.successes++;
            c.version = Math.max(c.version, done.version);
          } else if (error?.extensions?.code === 'CONFLICT') {
            counts.conflicts++;
            c.version = Math.max(c.version, error.extensions.currentVersion);
          } else {
            counts.otherErrors++;
            counts.sampleError ??= String(body).slice(0, 300);
          }
        },
      },
    ];
    // More connections than free claims would stall the pool: never the case with ≥ 100 claims.
    if (!hot && claims.length < spec.connections * 2) throw new Error('claim pool too small');
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: 'POST',
        connections: spec.connections,
        duration: spec.duration,
        headers: { 'content-type': 'application/json', ...spec.headers },
        requests,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        const total = result.requests.total;
        resolve({
          requests: total,
          seconds: result.duration,
          rps: total / result.duration,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          ...counts,
          // Requests sent whose answers autocannon dropped when the time was up: they may
          // still have committed on the server.
          inflight: counts.sent - counts.answered,
        });
      },
    );
    void instance;
  });
}

process.on('message', async (message) => {
  try {
    const result = await run(message.spec);
    process.send({ id: message.id, result });
  } catch (error) {
    process.send({ id: message.id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
