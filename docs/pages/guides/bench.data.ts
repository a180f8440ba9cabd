import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createMarkdownRenderer } from 'vitepress'

// The newest full bench report in bench/results/ (<date>-full.md), rendered at build time.
// Quick runs go to bench/results/tmp/ and are never shown.
export interface BenchReport {
  name: string
  html: string
}

export default {
  watch: ['../../../bench/results/*.md'],
  async load(files: string[]): Promise<BenchReport | null> {
    // Dated full runs (bench/run's default name) sort by date; dated reports of other kinds (reliability) are not full runs.
    // Without a dated full run, the last named report shows.
    const reports = files.filter((f) => path.basename(f) !== 'README.md')
    const dated = reports.filter((f) => /^\d{4}-\d{2}-\d{2}-\d+-full\.md$/.test(path.basename(f)))
    const newest = (dated.length ? dated : reports).sort().at(-1)
    if (!newest) return null
    // The report's own title gives way to the page's, and its sections nest under "The latest results".
    const report = fs.readFileSync(newest, 'utf8').replace(/^# .*\r?\n/, '').replace(/^(#{2,5}) /gm, '#$1 ')
    const md = await createMarkdownRenderer(fileURLToPath(new URL('..', import.meta.url)))
    return { name: path.basename(newest), html: md.render(report) }
  },
}
