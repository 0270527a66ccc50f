// The multi-platform starter: each platform on a runner of its own architecture, pushed by digest,
// every leg's digest reaching the merge; a fork's pull request pushes and merges nothing.
import { describe, expect, it } from 'vitest'
import { jobsOf, load, ours, read, readmeWorkflows, type Job, type Workflow } from './support.js'

/** The condition build.yml's push uses, which the starters test evaluates for each event. */
const OWN_REPOSITORY = (
  (load(read('workflows/build.yml')) as Workflow).jobs?.image?.steps ?? []
).find((step) => ours(step.uses ?? '')?.file === 'action.yml')?.with?.push

describe.each([
  { name: 'workflows/multi-platform.yml', text: read('workflows/multi-platform.yml') },
  ...readmeWorkflows.filter(({ text }) => text.startsWith('name: multi-platform'))
])('$name', ({ text }) => {
  const jobs = Object.fromEntries(jobsOf(load(text) as Workflow)) as Record<string, Job>
  const platform = jobs.platform as Job & {
    strategy?: { matrix?: { include?: { runner: string; platform: string }[] } }
  }
  const steps = platform.steps ?? []
  const build = steps.find((step) => ours(step.uses ?? '')?.file === 'action.yml')

  it('builds each platform on a runner of its architecture', () => {
    expect(platform.strategy?.matrix?.include).toEqual([
      { runner: 'ubuntu-24.04', platform: 'linux/amd64' },
      { runner: 'ubuntu-24.04-arm', platform: 'linux/arm64' }
    ])
    expect(platform['runs-on']).toBe('${{ matrix.runner }}')
    expect(build?.with?.platforms).toBe('${{ matrix.platform }}')
  })

  it('pushes by digest only from the repository itself, and merges only then', () => {
    expect(OWN_REPOSITORY).toMatch(/head\.repo\.full_name == github\.repository/)
    expect(build?.with?.push).toBe(OWN_REPOSITORY)
    expect(build?.with?.['push-by-digest']).toBe(OWN_REPOSITORY)
    expect(`\${{ ${jobs.merge?.if ?? ''} }}`).toBe(OWN_REPOSITORY)
  })

  it('uploads each leg’s digest under a name of its own and downloads them all into the merge', () => {
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.with?.name).toContain('${{ strategy.job-index }}')
    const merge = jobs.merge as Job
    expect(merge.needs).toBe('platform')
    const download = merge.steps?.find((step) =>
      step.uses?.startsWith('actions/download-artifact@')
    )
    expect(download?.with).toMatchObject({ pattern: 'digest-*', 'merge-multiple': true })
    const call = merge.steps?.find((step) => ours(step.uses ?? '')?.file === 'merge/action.yml')
    expect(call?.with?.digests).toBe('${{ steps.digests.outputs.list }}')
  })
})

it('the README shows the multi-platform starter', () => {
  expect(
    readmeWorkflows.filter(({ text }) => text.startsWith('name: multi-platform'))
  ).toHaveLength(1)
})
