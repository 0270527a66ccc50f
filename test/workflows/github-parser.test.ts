// Every workflow a user copies or GitHub runs, read by GitHub's own parser and checked for its token's permissions.
import { describe, expect, it } from 'vitest'
import {
  calledWorkflowNeeds,
  eventsOf,
  jobGrant,
  shortfall,
  stepNeeds,
  union,
  type Permissions
} from './permissions.js'
import {
  allWorkflows,
  githubParserErrors,
  jobsOf,
  load,
  markdownWorkflows,
  ours,
  read,
  readmeWorkflows,
  type Job,
  type Workflow,
  type WorkflowText
} from './support.js'

function jobNeeds(workflow: Workflow, job: Job): Permissions {
  const events = eventsOf(workflow)
  if (job.uses === undefined) return union(...(job.steps ?? []).map((s) => stepNeeds(s, events)))
  const called = ours(job.uses)
  if (called === undefined) throw new Error(`${job.uses} is not a workflow of ours`)
  return calledWorkflowNeeds(load(read(called.file)) as Workflow)
}

/** Each job whose token, under the restricted default, lacks what its steps or callee need. */
function permissionProblems({ name, text }: WorkflowText): string[] {
  const workflow = load(text) as Workflow
  return jobsOf(workflow).flatMap(([jobId, job]) =>
    shortfall(jobGrant(workflow, job), jobNeeds(workflow, job)).map(
      (missing) => `${name} jobs.${jobId} needs ${missing}`
    )
  )
}

describe('every workflow file and README snippet', () => {
  it('includes each ```yaml block of the README', () => {
    expect(readmeWorkflows.length).toBeGreaterThan(0)
    expect(readmeWorkflows).toHaveLength(read('README.md').split('```yaml\n').length - 1)
  })

  describe.each(allWorkflows.map((workflow) => ({ ...workflow })))('$name', (workflow) => {
    it('parses with GitHub’s own parser, the reusable workflows it calls included', async () => {
      expect(await githubParserErrors(workflow)).toEqual([])
    })

    it('grants each job the permissions its steps and the workflows it calls need', () => {
      expect(permissionProblems(workflow)).toEqual([])
    })
  })
})

describe('the checks themselves', () => {
  const snippet = (text: string) =>
    markdownWorkflows(`\`\`\`yaml\n${text}\`\`\`\n`)[0] ?? {
      name: '',
      text: ''
    }
  const promoteCall = `on: push
jobs:
  staging:
    uses: acme/immutable-image/.github/workflows/promote.yml@v1
    with: { image: ghcr.io/acme/web, environment: staging, source: sha-1a2b3c4 }
`

  it('refuse a call without permissions, which the restricted default token cannot make', () => {
    expect(permissionProblems(snippet(promoteCall))).toEqual([
      'README.md:2 jobs.staging needs deployments: write (granted none)',
      'README.md:2 jobs.staging needs packages: write (granted read)'
    ])
  })

  it('accept the same call once the job grants what the called job declares', () => {
    const granted = promoteCall.replace(
      '    uses:',
      '    permissions: { contents: read, deployments: write, packages: write }\n    uses:'
    )
    expect(permissionProblems(snippet(granted))).toEqual([])
  })

  it('report what GitHub’s parser refuses: an input the called workflow does not declare', async () => {
    const errors = await githubParserErrors(
      snippet(promoteCall.replace('source: sha-1a2b3c4', 'source: sha-1a2b3c4, tag: x'))
    )
    expect(errors.join('\n')).toContain(
      'Invalid input, tag is not defined in the referenced workflow'
    )
  })

  it('report a secret name the called workflow does not declare', async () => {
    const errors = await githubParserErrors(
      snippet(`${promoteCall}    secrets: { registry-password: x }\n`)
    )
    expect(errors.join('\n')).toContain('Invalid secret, registry-password is not defined')
  })

  it('report a fragment that is not a whole workflow', async () => {
    const errors = await githubParserErrors(snippet('- uses: acme/immutable-image@v1\n'))
    expect(errors).not.toEqual([])
  })
})
