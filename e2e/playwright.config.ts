import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium against the built app, served by the
 * real `portolan` command reading a real simulated cluster through its
 * kubeconfig (see support/global-setup.ts). Nothing is downloaded.
 */
export default defineConfig({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './support/global-setup.ts',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
