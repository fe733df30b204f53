import { defineConfig } from 'vitest/config';

// Run by `npm run test:ci-cache` in .ci/run, beside `npm test`: its three builds take about two
// minutes, which `npm test` cannot spare.
export default defineConfig({
  test: {
    include: ['tests/ci/**/*.test.ts'],
    testTimeout: 900_000,
    // Deleting the checkout's linked copy of node_modules takes a while on a busy machine.
    hookTimeout: 120_000,
  },
});
