import { defineConfig } from 'vitest/config';
import { cjsBridge } from './test/setup/cjs-bridge.js';

export default defineConfig({
  plugins: [cjsBridge()],
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/rule-tester.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
