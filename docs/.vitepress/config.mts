import fs from 'node:fs'
import { defineConfig } from 'vitepress'

// Region markers as VitePress reads them (Java/JS, HTML/XML, shell/YAML comments).
const regionMarker = [
  /^\/\/ ?#?(end)?region [\w*-]+$/,
  /^<!-- #?(end)?region [\w*-]+ -->$/,
  /^# ?(end)?region [\w*-]+$/,
]

// The archetype's templates, shown as Getting started's archetype:generate command writes them:
// its only placeholder in Java files is the package.
const asGenerated = (src: string, text: string) =>
  src.includes('/archetype-resources/') ? text.replaceAll('${package}', 'com.example.hello') : text

export default defineConfig({
  title: 'Strand',
  description: 'HTTP, WebSocket and Server-Sent Events on virtual threads: a Java 21 microframework on Jetty 12.',
  lang: 'en-US',
  srcDir: 'pages',
  outDir: 'target/site',
  cacheDir: 'target/cache',
  // Pages tell readers to open http://localhost:8080/...; those are not links to check.
  ignoreDeadLinks: 'localhostLinks',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/logo.svg' }]],

  markdown: {
    config(md) {
      // `<<< file` without a region shows the whole file, as a reader would copy it: without the
      // region markers that other pages use to show parts of the same file. (VitePress removes
      // them only inside an included region.)
      const include = md.renderer.rules.fence!
      md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const token = tokens[idx]
        const [src, region] = (token as any).src ?? []
        if (src && !region && fs.existsSync(src)) {
          token.content = asGenerated(src, fs.readFileSync(src, 'utf8').replace(/\r\n/g, '\n')
            .split('\n').filter((line) => !regionMarker.some((m) => m.test(line.trim()))).join('\n'))
          ;(token as any).src = undefined
          env.includes?.push(src)
        }
        return include(tokens, idx, options, env, self)
      }
    },
  },

  themeConfig: {
    logo: '/logo.svg',
    nav: [
      { text: 'Get started', link: '/getting-started' },
      { text: 'Tutorials', link: '/tutorials/rest-api' },
      { text: 'Guides', link: '/guides/routing' },
      { text: 'Reference', link: '/reference/annotations' },
    ],
    sidebar: [
      {
        text: 'Introduction',
        items: [
          { text: 'What is Strand?', link: '/' },
          { text: 'Getting started', link: '/getting-started' },
        ],
      },
      {
        text: 'Tutorials',
        items: [
          { text: 'A REST API with JSON', link: '/tutorials/rest-api' },
          { text: 'WebSocket chat with rooms', link: '/tutorials/chat' },
          { text: 'Live data over SSE', link: '/tutorials/live-data' },
          { text: 'A collaborative whiteboard', link: '/tutorials/whiteboard' },
          { text: 'One auth middleware for all', link: '/tutorials/auth' },
          { text: 'Testing your app', link: '/tutorials/testing' },
          { text: 'Scaling out with Redis', link: '/tutorials/redis' },
        ],
      },
      {
        text: 'Guides',
        items: [
          { text: 'Routing', link: '/guides/routing' },
          { text: 'The Context API', link: '/guides/context' },
          { text: 'Configuration and limits', link: '/guides/configuration' },
          { text: 'Forms and uploads', link: '/guides/forms' },
          { text: 'Cookies', link: '/guides/cookies' },
          { text: 'Running behind a proxy', link: '/guides/proxies' },
          { text: 'HTTPS, HTTP/2 and compression', link: '/guides/https' },
          { text: 'Errors, statuses, close codes', link: '/guides/errors' },
          { text: 'API descriptions: OpenAPI, AsyncAPI', link: '/guides/api-descriptions' },
          { text: 'Threading and blocking', link: '/guides/threading' },
          { text: 'Deployment', link: '/guides/deployment' },
          { text: 'Operations: metrics and health', link: '/guides/operations' },
          { text: 'Performance', link: '/guides/performance' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'Annotations', link: '/reference/annotations' },
          { text: 'Context methods', link: '/reference/context' },
          { text: 'The browser client: strand.js', link: '/reference/strand-js' },
          { text: 'Bad input and its answers', link: '/reference/bad-input' },
          { text: 'Packages and modules', link: '/reference/packages' },
        ],
      },
      {
        text: 'Coming from…',
        items: [
          { text: 'hyperlane (Rust)', link: '/migrate/hyperlane' },
          { text: 'Javalin or Spring', link: '/migrate/javalin-spring' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    docFooter: { prev: 'Previous', next: 'Next' },
    footer: { message: 'Every Java snippet on this site is compiled and tested: docs/examples.' },
  },
})
