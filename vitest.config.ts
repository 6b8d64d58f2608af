import { defineConfig } from 'vitest/config';

const api = (name: string, env: Record<string, string>, setup: string, exclude: string[] = []) => ({
  test: {
    name, include: ['server/**/*.test.ts'], exclude: ['node_modules/**', ...exclude], env, globalSetup: [setup],
    testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' as const,
  },
});

// The PostgreSQL run exists only when a server is given; scripts/test.mjs insists on it in CI.
const projects = [
  { test: { name: 'core', include: ['core/**/*.test.ts'] } },
  api('api', { TEST_ENGINE: 'pglite' }, 'server/test/global-setup.ts'),
  ...(process.env.TEST_DATABASE_URL ? [api('api-pg', { TEST_ENGINE: 'postgres' }, 'server/test/global-setup-pg.ts', ['server/cli.test.ts', 'server/modules/imports/read/**']) /* the CLI test is about the embedded data folder; the readers touch no database */] : []),
  { test: { name: 'e2e', include: ['e2e/**/*.test.ts'], expect: { poll: { timeout: 15_000, interval: 100 } }, globalSetup: ['e2e/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
];

// Vitest keeps one core free by default, which on a 2-core CI machine runs every file one after another. The
// browser tests mostly wait on Chromium and the app server (other processes), so two workers keep both cores busy.
export default defineConfig({ test: { projects, maxWorkers: 2 } });
