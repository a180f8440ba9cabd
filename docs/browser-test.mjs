// Opens the built site in headless Chromium the way a newcomer would: the home page, "Get started",
// the Getting started page's own navigation (its Next link and its "Where next" links), a search,
// a phone-sized screen and dark mode. Saves a screenshot of each under docs/target/screenshots/
// and fails on a broken page, a console error, or any request that leaves this machine.
//
// The site is served from docs/target/site by a small static server on a free port of 127.0.0.1.
// Chromium is the system's (/usr/bin/chromium, or $CHROMIUM); playwright-core never downloads one.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const docs = path.dirname(fileURLToPath(import.meta.url))
const site = path.join(docs, 'target/site')
const shots = path.join(docs, 'target/screenshots')
const STEP_TIMEOUT = 15_000

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png', '.txt': 'text/plain',
}

/** Serves the built site as a static host would: /a/b -> a/b.html, /a/ -> a/index.html. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://localhost').pathname)
    const candidates = url.endsWith('/') ? [url + 'index.html'] : [url, url + '.html']
    for (const candidate of candidates) {
      const file = path.resolve(site, '.' + candidate)
      if (!file.startsWith(site + path.sep)) break
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' })
        fs.createReadStream(file).pipe(res)
        return
      }
    }
    const notFound = path.join(site, '404.html')
    res.writeHead(404, { 'Content-Type': types['.html'] })
    res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found')
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const problems = []
const check = (ok, what) => { if (!ok) problems.push(what) }

if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`browser-test: no built site in ${site}; run docs/build first`)
  process.exit(1)
}
fs.mkdirSync(shots, { recursive: true })
const server = await serve()
const base = `http://127.0.0.1:${server.address().port}`
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'strand-docs-chromium-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
})
context.setDefaultTimeout(STEP_TIMEOUT)

// Everything the site needs is on this server: a request elsewhere is a CDN dependency.
await context.route('**/*', (route) => {
  const url = route.request().url()
  if (url.startsWith(base + '/') || url.startsWith('data:')) return route.continue()
  problems.push(`request to another host: ${url}`)
  return route.abort()
})

const page = context.pages()[0] ?? await context.newPage()
page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`) })
page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`))

async function shot(name, options = {}) {
  await page.screenshot({ path: path.join(shots, name), ...options })
  console.log(`browser-test: ${name}  ${page.url().replace(base, '')}`)
}

try {
  // 1. The home page, and its call to action.
  await page.goto(base + '/')
  check((await page.title()).includes('Strand'), 'the home page title names Strand')
  await shot('01-home.png')
  await page.locator('.VPHero .actions a', { hasText: 'Get started' }).click()
  await page.waitForURL(/getting-started/)

  // 2. Getting started: the command and the code are there, from the real files, without region markers.
  const content = page.locator('.vp-doc')
  await content.locator('h1', { hasText: 'Getting started' }).waitFor()
  const java = await content.locator('div[class*="language-java"]').allInnerTexts()
  check(java.some((code) => code.includes('app().args(args).start()')), 'Getting started shows the generated App.java')
  check(java.some((code) => code.includes('new StrandExtension(App::app)')), 'Getting started shows the generated AppTest.java')
  check(java.every((code) => !code.includes('${package}')), 'the archetype templates show the page\'s package')
  const bash = await content.locator('div[class*="language-bash"]').allInnerTexts()
  check(bash.some((code) => code.includes('archetype:generate')), 'Getting started shows the archetype:generate command')
  check(!(await content.innerText()).includes('#region'), 'no region marker shows on Getting started')
  await shot('02-getting-started.png', { fullPage: true })

  // 3. Its navigation: the Next link at the bottom, then each "Where next" link.
  await page.locator('.pager-link.next').click()
  await page.waitForURL(/tutorials\/rest-api/)
  await content.locator('h1').waitFor()
  await shot('03-next-rest-api.png')
  await page.goBack()
  await page.waitForURL(/getting-started/)
  await content.locator('h2', { hasText: 'Where next' }).waitFor()
  const whereNext = await content.locator('h2:has-text("Where next") + ul a').evaluateAll((links) => links.map((a) => a.textContent))
  check(whereNext.length >= 3, 'Getting started ends with "Where next" links')
  for (const [i, text] of whereNext.entries()) {
    await content.locator('h2:has-text("Where next") + ul a', { hasText: text }).click()
    await page.waitForURL((url) => !url.pathname.includes('getting-started'))
    const title = await content.locator('h1').first().innerText()
    check(title.length > 0, `"${text}" leads to a page with a title`)
    if (i === 1) await shot('04-chat-tutorial.png')
    await page.goBack()
    await page.waitForURL(/getting-started/)
  }

  // 4. Search: find the page about resuming SSE streams.
  await page.locator('.VPNavBarSearch button').click()
  await page.locator('#localsearch-input').fill('Last-Event-ID')
  const results = page.locator('#localsearch-list a.result')
  await results.first().waitFor()
  check(await results.count() > 0, 'a search for Last-Event-ID finds pages')
  await shot('05-search.png')
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => !url.pathname.includes('getting-started'))
  await content.locator('h1').waitFor()
  await shot('06-search-result.png')

  // 5. Pages with their own machinery: the performance page's data loader, the reference tables.
  await page.goto(base + '/guides/performance')
  await content.locator('h1', { hasText: 'Performance' }).waitFor()
  await shot('07-performance.png', { fullPage: true })

  // 6. A phone-sized screen and dark mode.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(base + '/tutorials/chat')
  await content.locator('h1').waitFor()
  await shot('08-phone-chat.png')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.evaluate(() => localStorage.setItem('vitepress-theme-appearance', 'dark'))
  await page.goto(base + '/tutorials/whiteboard')
  await content.locator('h1').waitFor()
  await shot('09-dark-whiteboard.png')
} catch (error) {
  problems.push(`${error.message.split('\n')[0]} (at ${page.url()})`)
  await shot('failure.png').catch(() => {})
} finally {
  await context.close()
  server.close()
  fs.rmSync(profile, { recursive: true, force: true })
}

if (problems.length) {
  console.error('browser-test: FAILED\n  ' + problems.join('\n  '))
  process.exit(1)
}
console.log(`browser-test: ok, screenshots in ${path.relative(process.cwd(), shots) || shots}`)
