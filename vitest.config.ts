import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Nest's dependency injection needs decorator metadata, which esbuild does not emit.
  plugins: [swc.vite({ swcrc: true })],
  resolve: {
    // Node resolves `graphql` (no "exports" map) to its CommonJS build, and so does Nest; Vite
    // would pick the ESM build for our sources, and graphql refuses to mix the two.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // e2e files share the run's database; running them one after another keeps SQLite's
    // single writer and the migrations simple.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
