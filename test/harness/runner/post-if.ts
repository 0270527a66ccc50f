// Whether the post step runs: runs.post-if evaluated as StepsRunner does, with the contexts of the action schema's runs-if.
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import type { FunctionDefinition } from '@actions/expressions/funcs/info'
import { truthy } from '@actions/expressions/result'
import { getErrorMessage } from '../../../src/errors.js'

/** ActionManifestManager's CleanupCondition when action.yml gives no post-if. */
export const DEFAULT_POST_IF = 'always()'

/** job.status, which success(), failure() and cancelled() read in a post step (not the action's own status). */
export type JobStatus = 'success' | 'failure' | 'cancelled'

/** The contexts runs-if may use; strategy and matrix are empty, as in a job with no matrix. */
export interface PostIfContexts {
  readonly github: Record<string, unknown>
  readonly env: Record<string, string>
  readonly runner: Record<string, string>
  readonly job: { readonly status: JobStatus }
  readonly strategy: Record<string, never>
  readonly matrix: Record<string, never>
  /** The workflow's inputs (the job's inputs context): a node action's post-if never sees its own. */
  readonly inputs: Record<string, unknown>
}

/** GitHubContext's keys the runner also hands each step as GITHUB_<KEY>, file commands left out. */
const GITHUB_KEYS = [
  'action',
  'action_path',
  'action_ref',
  'action_repository',
  'actor',
  'actor_id',
  'api_url',
  'base_ref',
  'event_name',
  'event_path',
  'graphql_url',
  'head_ref',
  'job',
  'ref',
  'ref_name',
  'ref_protected',
  'ref_type',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'retention_days',
  'run_attempt',
  'run_id',
  'run_number',
  'server_url',
  'sha',
  'triggering_actor',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'workspace'
]

export interface PostIfFacts {
  /** The runner's GITHUB_* and RUNNER_* variables, which the github and runner contexts mirror. */
  readonly runnerEnv: Readonly<Record<string, string>>
  /** The env context: GITHUB_ENV's variables, then the step's env. */
  readonly env: Record<string, string>
  readonly event: unknown
  readonly token: string
  readonly status: JobStatus
}

export function postIfContexts(facts: PostIfFacts): PostIfContexts {
  const github: Record<string, unknown> = { token: facts.token, event: facts.event ?? {} }
  for (const key of GITHUB_KEYS) {
    const value = facts.runnerEnv[`GITHUB_${key.toUpperCase()}`]
    if (value !== undefined) github[key] = value
  }
  const runner = Object.fromEntries(
    Object.entries(facts.runnerEnv)
      .filter(([name]) => name.startsWith('RUNNER_'))
      .map(([name, value]) => [name.slice('RUNNER_'.length).toLowerCase(), value])
  )
  const inputs = (facts.event as { inputs?: unknown } | undefined)?.inputs
  return {
    github,
    env: facts.env,
    runner,
    job: { status: facts.status },
    strategy: {},
    matrix: {},
    inputs: typeof inputs === 'object' && inputs !== null ? (inputs as Record<string, unknown>) : {}
  }
}

function statusFunctions(status: JobStatus): FunctionDefinition[] {
  const answer = (value: boolean) => () => new data.BooleanData(value)
  return [
    { name: 'always', minArgs: 0, maxArgs: 0, call: answer(true) },
    { name: 'success', minArgs: 0, maxArgs: 0, call: answer(status === 'success') },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: answer(status === 'failure') },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: answer(status === 'cancelled') },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: () => {
        throw new Error('hashFiles() is not emulated by the test harness')
      }
    }
  ]
}

/**
 * True when the post step runs. The condition is used as it is, with no implicit `success() &&`,
 * as ActionRunner hands CleanupCondition to StepsRunner. The runner fails the post step on an
 * invalid condition; the emulation throws.
 */
export function evaluatePostIf(condition: string, contexts: PostIfContexts): boolean {
  if (condition.trim() === '')
    throw new Error(
      `runs.post-if is empty: give an expression, or leave it out for ${DEFAULT_POST_IF}`
    )
  const functions = statusFunctions(contexts.job.status)
  let expression
  try {
    const { tokens } = new Lexer(condition).lex()
    expression = new Parser(tokens, Object.keys(contexts), functions).parse()
  } catch (error) {
    throw new Error(
      `runs.post-if '${condition}' is not a valid expression: ${getErrorMessage(error)}`,
      {
        cause: error
      }
    )
  }
  const values = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  const byName = new Map(functions.map((f) => [f.name.toLowerCase(), f]))
  try {
    return truthy(new Evaluator(expression, values, byName).evaluate())
  } catch (error) {
    throw new Error(
      `runs.post-if '${condition}' could not be evaluated: ${getErrorMessage(error)}`,
      {
        cause: error
      }
    )
  }
}
