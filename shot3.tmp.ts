import { chromium } from 'playwright-core';
(async () => {
  const [file, out, sel] = process.argv.slice(2);
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 3000, height: 900 } });
  await p.goto('file://' + file);
  await p.locator(sel).screenshot({ path: out });
  await b.close();
})();
