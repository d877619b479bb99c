// Drives headless Chromium through the example server's error index:
// the list, the search box, a code's page, the language switch. Prints
// what it saw as one JSON line; writes a screenshot of each page.
//
//   node index.mjs <base URL> <screenshot folder>
import { chromium } from "playwright-core";

const [base, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const seen = {};
try {
  // A phone-sized window: the pages must read there.
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${base}/errors`, { waitUntil: "load" });
  seen.title = await page.title();
  seen.rows = await page.locator("#codes tbody tr").count();
  seen.first = (await page.locator("#codes tbody tr").first().innerText()).replace(/\s+/g, " ");
  seen.overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await page.screenshot({ path: `${shots}/index.png`, fullPage: true });

  await page.fill("#search", "2001");
  seen.filtered = await page.locator("#codes tbody tr:visible").count();
  seen.filteredCode = await page.locator("#codes tbody tr:visible").first().getAttribute("data-code");
  await page.screenshot({ path: `${shots}/index-search.png`, fullPage: true });

  await page.fill("#search", "");
  await page.click('a[href*="/errors/2002"]');
  await page.waitForSelector("h1");
  seen.codeUrl = page.url();
  seen.codeTitle = await page.locator("h1").innerText();
  seen.explanation = await page.locator("#explanation").innerText();
  seen.explanationCode = await page.locator("#explanation code").first().innerText();
  await page.screenshot({ path: `${shots}/code-2002.png`, fullPage: true });

  await page.click('a[hreflang="en"]');
  await page.waitForSelector("#message");
  seen.englishUrl = page.url();
  seen.englishMessage = await page.locator("#message").innerText();
  await page.screenshot({ path: `${shots}/code-2002-en.png`, fullPage: true });

  seen.foreign = requests.filter((u) => !u.startsWith(base));
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
