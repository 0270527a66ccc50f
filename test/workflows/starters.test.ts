// The starter workflows: a fork's pull request is built and tested, never pushed or commented on.
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { describe, expect, it } from 'vitest'
import { jobsOf, load, ours, read, readmeWorkflows, type Step, type Workflow } from './support.js'

/** Evaluates `${{ … }}` as GitHub does, with the given github context, to the text an input gets. */
function evaluate(expression: string, github: object): string {
  const inner = /^\$\{\{(?<body>[\s\S]*)\}\}$/.exec(expression.trim())?.groups?.body
  if (inner === undefined) throw new Error(`not an expression: ${expression}`)
  const lexed = new Lexer(inner).lex()
  const parsed = new Parser(lexed.tokens, ['github'], []).parse()
  const context = JSON.parse(JSON.stringify({ github }), data.reviver) as data.Dictionary
  return new Evaluator(parsed, context).evaluate().coerceString()
}

const repository = 'acme/web'
const events = {
  'a push to main': { event_name: 'push', repository, event: {} },
  'a pull request from a branch of the repository': {
    event_name: 'pull_request',
    repository,
    event: { pull_request: { head: { repo: { full_name: repository } } } }
  },
  'a pull request from a fork': {
    event_name: 'pull_request',
    repository,
    event: { pull_request: { head: { repo: { full_name: 'someone/web' } } } }
  }
}

const buildSteps = (workflow: Workflow): Step[] =>
  jobsOf(workflow)
    .flatMap(([, job]) => job.steps ?? [])
    .filter((step) => ours(step.uses ?? '')?.file === 'action.yml')

describe.each([
  { name: 'workflows/build.yml', text: read('workflows/build.yml') },
  ...readmeWorkflows.filter(({ text }) => text.startsWith('# .github/workflows/build.yml'))
])('$name', ({ text }) => {
  const [step] = buildSteps(load(text) as Workflow)

  it.each([
    ['a push to main', 'true'],
    ['a pull request from a branch of the repository', 'true'],
    ['a pull request from a fork', 'false']
  ] as const)('on %s pushes and comments: %s', (event, expected) => {
    for (const input of ['push', 'comment']) {
      const value = step?.with?.[input]
      expect(typeof value, input).toBe('string')
      expect(evaluate(String(value), events[event]), input).toBe(expected)
    }
  })
})

describe('the starters', () => {
  it('include one build starter that runs on pull requests, and the README shows it', () => {
    const workflow = load(read('workflows/build.yml')) as Workflow
    expect(Object.keys(workflow.on ?? {})).toContain('pull_request')
    expect(buildSteps(workflow)).toHaveLength(1)
    expect(
      readmeWorkflows.filter(({ text }) => text.startsWith('# .github/workflows/build.yml'))
    ).toHaveLength(1)
  })
})
