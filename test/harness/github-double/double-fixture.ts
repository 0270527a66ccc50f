// The double as each of its own tests starts it: one repository, and a token without deployments.
import { getOctokit } from '@actions/github'
import { afterEach, beforeEach } from 'vitest'
import { startGitHubApiDouble, WRITE_TOKEN, type GitHubApiDouble } from './index.js'

export const owner = 'octo-org'
export const repo = 'shop'
export const sha = 'a'.repeat(40)
export const otherSha = 'b'.repeat(40)
export const NO_DEPLOYMENTS_TOKEN = 'ghs_DoubleNoDeploymentsToken000000000000'

export let double: GitHubApiDouble

/** A fresh double for every test, which must end with no violation of GitHub's description. */
export function useDouble(): void {
  beforeEach(async () => {
    double = await startGitHubApiDouble({
      repositories: [
        { owner, repo, pullRequests: [7, 8], commits: [sha], refs: { main: otherSha } }
      ],
      tokens: {
        [NO_DEPLOYMENTS_TOKEN]: {
          identity: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
          kind: 'installation',
          permissions: { 'pull-requests': 'write' }
        }
      }
    })
  })

  afterEach(async () => {
    double.assertNoViolations()
    await double.close()
  })
}

export function octokit(token = WRITE_TOKEN): ReturnType<typeof getOctokit> {
  return getOctokit(token, { baseUrl: double.url })
}

/** For tests that break the description on purpose: what the double saw, then a clean slate. */
export function takeViolations(): string[] {
  return double.violations.splice(0)
}
