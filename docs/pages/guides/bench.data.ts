import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createMarkdownRenderer } from 'vitepress'

// The newest committed bench report (bench/results/<date>-full.md), rendered at build time.
// Quick runs go to bench/results/tmp/ and are never shown.
export interface BenchReport {
  name: string
  html: string
}

export default {
  watch: ['../../../bench/results/*.md'],
  async load(files: string[]): Promise<BenchReport | null> {
    const newest = files.filter((f) => path.basename(f) !== 'README.md').sort().at(-1)
    if (!newest) return null
    const md = await createMarkdownRenderer(fileURLToPath(new URL('..', import.meta.url)))
    return { name: path.basename(newest), html: md.render(fs.readFileSync(newest, 'utf8')) }
  },
}
