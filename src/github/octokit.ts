// Octokit, loaded only when a step talks to GitHub: it is most of the bundle's start-up cost.
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

export async function createOctokit(token: string, baseUrl: string): Promise<Octokit> {
  const github = await import('@actions/github')
  return github.getOctokit(token, { baseUrl })
}
