/** Debian's Chromium for the browser tests: a missing browser fails the run, never skips it. */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

export async function launchChromium(args: readonly string[] = ARGS): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium".`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...args] });
}
