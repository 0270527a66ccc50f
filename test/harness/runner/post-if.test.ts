import { describe, expect, it } from 'vitest'
import { evaluatePostIf, postIfContexts, type JobStatus, type PostIfFacts } from './post-if.js'

const facts: PostIfFacts = {
  runnerEnv: {
    GITHUB_SHA: 'abc123',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTION: '__acme_immutable-image',
    GITHUB_OUTPUT: '/runner/_temp/_runner_file_commands/set_output_1',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: '/runner/_temp',
    HOME: '/home/runner'
  },
  env: { DEPLOY: 'true' },
  event: { inputs: { environment: 'staging' }, sender: { login: 'octocat' } },
  token: 'ghs_token',
  status: 'success'
}

const evaluate = (condition: string, status: JobStatus = 'success'): boolean =>
  evaluatePostIf(condition, postIfContexts({ ...facts, status }))

describe('runs.post-if', () => {
  it.each([
    ['always()', 'failure', true],
    ['always()', 'cancelled', true],
    ['success()', 'success', true],
    ['success()', 'failure', false],
    ['failure()', 'failure', true],
    ['failure()', 'success', false],
    ['cancelled()', 'cancelled', true],
    ['cancelled()', 'failure', false],
    ['success() || failure()', 'cancelled', false],
    ["job.status == 'failure'", 'failure', true]
  ] as const)('%s is %s when the job status is %s', (condition, status, expected) => {
    expect(evaluate(condition, status)).toBe(expected)
  })

  it.each([
    ["github.sha == 'abc123'", true],
    ["github.repository == 'acme/web' && github.event_name == 'workflow_dispatch'", true],
    ["github.action == '__acme_immutable-image'", true],
    ["github.event.sender.login == 'octocat'", true],
    ["github.token == 'ghs_token'", true],
    ["runner.os == 'Linux' && runner.temp == '/runner/_temp'", true],
    ["env.DEPLOY == 'true'", true],
    ["inputs.environment == 'staging'", true],
    ["toJSON(matrix) == '{}' && toJSON(strategy) == '{}'", true],
    ['github.output', false],
    ['runner.home', false]
  ])('%s is %s with the run’s contexts', (condition, expected) => {
    expect(evaluate(condition)).toBe(expected)
  })

  it('is used as it is, with no implicit success() as a step’s if has', () => {
    expect(evaluate("env.DEPLOY == 'true'", 'failure')).toBe(true)
  })

  it('is truthy as the runner reads it: a non-empty string runs post', () => {
    expect(evaluate("'yes'")).toBe(true)
    expect(evaluate("''")).toBe(false)
  })

  it.each([
    ['always(', /^runs\.post-if 'always\(' is not a valid expression: Unexpected end/],
    ['${{ always() }}', /is not a valid expression: Unexpected symbol/],
    ['secrets.token', /is not a valid expression: Unrecognized named-value: 'secrets'/],
    ['steps.a.outcome', /is not a valid expression: Unrecognized named-value: 'steps'/],
    ['always(1)', /is not a valid expression: Too many parameters/],
    ["hashFiles('**/package-lock.json')", /could not be evaluated: hashFiles\(\) is not emulated/],
    [' ', /^runs\.post-if is empty/]
  ])('refuses %j', (condition, message) => {
    expect(() => evaluate(condition)).toThrow(message)
  })
})

describe('postIfContexts', () => {
  it('mirrors the GITHUB_* variables of the github context, not the file commands', () => {
    const { github } = postIfContexts(facts)
    expect(github).toMatchObject({ sha: 'abc123', event_name: 'workflow_dispatch' })
    expect(github).not.toHaveProperty('output')
  })

  it('has no workflow inputs outside a dispatch', () => {
    expect(postIfContexts({ ...facts, event: { ref: 'refs/heads/main' } }).inputs).toEqual({})
  })
})
