import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // Vite warns for each module of @actions/workflow-parser: its source maps name sources it
        // does not ship.
        logLevel: 'error',
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/integration/**'],
          setupFiles: ['test/harness/loopback-only.ts'],
          // Its ESM imports JSON without an import attribute: Node refuses that, Vite's transform does not.
          server: { deps: { inline: ['@actions/workflow-parser'] } }
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          setupFiles: ['test/harness/loopback-only.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false
        }
      }
    ]
  }
})
