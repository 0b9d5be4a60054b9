// Captures the admin-guide screenshots from a running `bin/demo` with headless Debian Chromium.
//   npm install playwright-core          (no browser download: Debian's chromium is used)
//   GOVID_KC_URL=http://localhost:8080 GOVID_ADMIN_PASSWORD=… node docs/screenshots/capture-admin.mjs
import { chromium } from 'playwright-core';

const kc = process.env.GOVID_KC_URL ?? 'http://localhost:8080';
const password = process.env.GOVID_ADMIN_PASSWORD;
const out = process.env.GOVID_SCREENSHOT_DIR ?? 'docs/screenshots';
if (!password) throw new Error('set GOVID_ADMIN_PASSWORD (printed by bin/demo)');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
await page.goto(`${kc}/admin/master/console/#/govid-demo/identity-providers`);
await page.fill('#username', 'admin');
await page.fill('#password', password);
await page.click('#kc-login');
await page.getByRole('link', { name: 'BundID', exact: true }).waitFor({ timeout: 60000 });
await page.screenshot({ path: `${out}/admin-identity-providers.png` });

await page.getByRole('button', { name: /Add provider/i }).click().catch(() => {});
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/admin-add-provider-menu.png` });
await page.keyboard.press('Escape');

await page.getByRole('link', { name: 'BundID', exact: true }).click();
await page.getByText('BundID environment').first().waitFor({ timeout: 60000 });
// The console scrolls inside its own panel, so a tall viewport is what shows the whole form.
await page.setViewportSize({ width: 1400, height: 2900 });
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/admin-bundid-settings.png`, fullPage: true });
await browser.close();
console.log(`screenshots written to ${out}`);
