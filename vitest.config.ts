import { defineConfig } from 'vitest/config';

// Two projects: fast pure-logic unit tests, and integration tests that talk to real
// services (the sandbox over HTTP, gnome-keyring over D-Bus). Every test sets its own FERRY_HOME.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
