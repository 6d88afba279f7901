import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // CLI tests run the real command several times, each run opening the embedded store; on a busy
    // two-core machine one such test can take over a minute. No test asserts a duration.
    testTimeout: 150_000,
    hookTimeout: 150_000,
    pool: 'forks',
    // Two cores: more parallel files only contend for them.
    maxWorkers: 2,
  },
});
