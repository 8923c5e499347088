#!/usr/bin/env node
// Browser tests use Debian's Chromium (no browser download is possible here).
// Installs it with apt-get when missing and we are root; otherwise says how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(
    `portolan e2e: ${path} is missing. Install Debian's chromium (sudo apt-get install -y chromium), or set PORTOLAN_CHROMIUM to a Chromium binary.`,
  );
  process.exit(1);
}
console.log('portolan e2e: installing Debian chromium with apt-get (once) ...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync('apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core', {
    stdio: 'inherit',
    env,
  });
} catch {
  console.error('portolan e2e: apt-get install chromium failed; see the output above.');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`portolan e2e: chromium installed but ${path} is still missing.`);
  process.exit(1);
}
