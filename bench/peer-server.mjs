#!/usr/bin/env node
// "The peer": PostGraphile 4.14 over the same PostgreSQL tables (public schema), with the
// connection-filter plugin for `status IN (…)`; production-style options (no GraphiQL, no query
// log, no watch). Installed only in bench/node_modules.
//   DATABASE_URL=postgres://… PORT=N node bench/peer-server.mjs
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url); // resolves from bench/node_modules
const { postgraphile } = require('postgraphile');
const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter');

const middleware = postgraphile(process.env.DATABASE_URL, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  graphiql: false,
  disableQueryLog: true,
  watchPg: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  enableQueryBatching: false,
  retryOnInitFail: false,
  graphqlRoute: '/graphql',
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.end('ok');
    return;
  }
  middleware(req, res);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 3200), '127.0.0.1', () => {
  console.log(`peer-server (PostGraphile) on ${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
