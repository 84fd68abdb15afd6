#!/usr/bin/env node
// Accessibility check of the public pages: axe-core (WCAG 2.1 A/AA) in headless Chromium.
// Usage: node run.js BASE_URL PATH... ; exits 1 on any serious or critical violation.
// A path written "submit:/khao-sat/" is visited, its main form submitted empty, and the
// answer (the form with its error messages) is checked.
'use strict';
const fs = require('fs');
const puppeteer = require('puppeteer-core');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main() {
  const [base, ...paths] = process.argv.slice(2);
  if (!base || paths.length === 0) {
    console.error('usage: node run.js BASE_URL PATH...');
    process.exit(2);
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const summary = [];
  let failed = 0;
  try {
    for (const path of paths) {
      const submit = path.startsWith('submit:');
      const url = new URL(submit ? path.slice('submit:'.length) : path, base).toString();
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      let response;
      try {
        response = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
        if (submit && response && response.status() < 400) {
          [response] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }),
            page.click('main form[method="post"] button[type="submit"]'),
          ]);
          // The form answers 400 with its error messages: that is the page under test.
          if (response && response.status() === 400) response = { status: () => 200 };
        }
      } catch (error) {
        summary.push({ path, status: 'error', note: String(error) });
        failed += 1;
        await page.close();
        continue;
      }
      const status = response ? response.status() : 0;
      if (status === 404) {
        summary.push({ path, status: 'skipped (404)' });
        await page.close();
        continue;
      }
      if (status >= 400) {
        summary.push({ path, status: `HTTP ${status}` });
        failed += 1;
        await page.close();
        continue;
      }
      await page.evaluate(AXE);
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
        TAGS,
      );
      const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
      for (const v of result.violations) counts[v.impact || 'minor'] += 1;
      const bad = result.violations.filter((v) => FAILING.has(v.impact));
      if (bad.length) failed += 1;
      summary.push({ path, status: bad.length ? 'FAIL' : 'ok', counts, passes: result.passes.length });
      for (const v of result.violations) {
        const mark = FAILING.has(v.impact) ? '✗' : '·';
        console.log(`${mark} ${path}: [${v.impact}] ${v.id} – ${v.help} (${v.helpUrl})`);
        for (const node of v.nodes.slice(0, 5)) {
          console.log(`    ${node.target.join(' ')}: ${node.failureSummary.split('\n').slice(1).join('; ').trim()}`);
        }
        if (v.nodes.length > 5) console.log(`    … ${v.nodes.length - 5} more`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log('\nAccessibility summary (axe-core ' + require('axe-core/package.json').version + ', ' + TAGS.join(', ') + '):');
  for (const row of summary) {
    const c = row.counts;
    const detail = c
      ? `critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}; ${row.passes} rules passed`
      : row.note || '';
    console.log(`  ${row.status.padEnd(14)} ${row.path}  ${detail}`);
  }
  if (failed) {
    console.log(`\n${failed} page(s) with serious or critical violations or errors.`);
    process.exit(1);
  }
  console.log('\nNo serious or critical violation.');
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
