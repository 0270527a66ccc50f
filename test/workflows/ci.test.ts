// The project's own GitHub CI: the checks .ci/run makes, the integration suite, and an end-to-end run.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { jobsOf, load, read, type Job, type Step, type Workflow } from './support.js'

const workflow = load(read('.github/workflows/ci.yml')) as Workflow
const jobs = Object.fromEntries(jobsOf(workflow))
const runs = (job: Job | undefined): string[] =>
  (job?.steps ?? []).flatMap((step) => step.run ?? [])
const allRuns = Object.values(jobs).flatMap(runs)
const e2eSteps: Step[] = jobs.e2e?.steps ?? []
const stepUsing = (uses: string) => e2eSteps.find((step) => step.uses === uses)

/** Runs a step's script as the runner runs a bash step, with the given environment. */
function runStep(step: Step | undefined, env: Record<string, string>) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? ''], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env }
  })
}

describe('.github/workflows/ci.yml', () => {
  it('runs on pull requests and pushes to main with a read-only token', () => {
    expect(Object.keys(workflow.on ?? {}).sort()).toEqual(['pull_request', 'push'])
    expect(workflow.permissions).toEqual({ contents: 'read' })
  })

  it('lints, type-checks and runs the unit tests', () => {
    expect(allRuns).toEqual(
      expect.arrayContaining(['npm run lint', 'npm run typecheck', 'npx vitest run --project unit'])
    )
  })

  it('fails when dist/ differs from a fresh bundle', () => {
    expect(runs(jobs.dist)).toContain('npm run bundle')
    expect(runs(jobs.dist).join('\n')).toContain('git status --porcelain -- dist')
  })

  it('runs the integration suite with the README’s test command on ubuntu-latest', () => {
    expect(jobs.integration?.['runs-on']).toBe('ubuntu-latest')
    expect(runs(jobs.integration).join('\n')).toMatch(/\bnpm test$/m)
  })

  describe('end to end', () => {
    const build = stepUsing('./')
    const promote = stepUsing('./promote')

    it('runs the action from this checkout against a registry:2 service on localhost:5000', () => {
      expect(jobs.e2e?.services?.registry).toEqual({ image: 'registry:2', ports: ['5000:5000'] })
      expect(build?.with?.image).toMatch(/^localhost:5000\//)
    })

    it('promotes the tag it built with ./promote, after it checked the digest', () => {
      expect(promote?.with).toMatchObject({
        image: build?.with?.image,
        source: `\${{ steps.${build?.id ?? '?'}.outputs.tag }}`
      })
      expect(e2eSteps.indexOf(promote ?? {})).toBeGreaterThan(e2eSteps.indexOf(build ?? {}) + 1)
    })

    const digestCheck = e2eSteps[e2eSteps.indexOf(build ?? {}) + 1]
    it.each([
      ['fails when the digest output is empty', '', 1],
      ['passes when there is a digest', `sha256:${'a'.repeat(64)}`, 0]
    ])('%s', (_case, digest, status) => {
      expect(digestCheck?.env).toEqual({
        DIGEST: `\${{ steps.${build?.id ?? '?'}.outputs.digest }}`
      })
      expect(runStep(digestCheck, { DIGEST: digest }).status).toBe(status)
    })

    const promotedCheck = e2eSteps[e2eSteps.indexOf(promote ?? {}) + 1]
    it.each([
      ['fails when the promoted digest is empty', '', 1],
      ['fails when the promoted digest is another', `sha256:${'b'.repeat(64)}`, 1],
      ['passes when the promoted digest is the built one', `sha256:${'a'.repeat(64)}`, 0]
    ])('%s', (_case, promoted, status) => {
      const built = `sha256:${'a'.repeat(64)}`
      expect(runStep(promotedCheck, { BUILT: built, PROMOTED: promoted }).status).toBe(status)
    })
  })
})
