import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { restDeploymentHistory } from '../../src/github/deployment-history.js'
import { GitHubApiError, GitHubRest, nextPage } from '../../src/github/rest.js'
import { readVerdict } from '../../src/github/retry.js'
import { BodyTooLargeError } from '../../src/registry/body.js'
import {
  double,
  NO_DEPLOYMENTS_TOKEN,
  owner,
  repo,
  sha,
  useDouble
} from '../harness/github-double/double-fixture.js'
import { rateLimitExceeded, WRITE_TOKEN } from '../harness/github-double/index.js'

useDouble()

const history = (token = WRITE_TOKEN): ReturnType<typeof restDeploymentHistory> =>
  restDeploymentHistory(new GitHubRest(token, double.url), { owner, repo })

const newDeployment = (environment: string, n = 1) => ({
  ref: sha,
  environment,
  payload: { tool: 'immutable-image', n },
  description: `deployment ${n}`,
  production: false
})

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

describe('restDeploymentHistory against the GitHub double', () => {
  it('creates a deployment, sets its statuses and reads them back newest first', async () => {
    const deployments = history()
    const id = await deployments.create(newDeployment('staging'))
    expect(await deployments.latestState(id)).toBe('pending')
    await deployments.setStatus(id, { state: 'in_progress', logUrl: 'https://example.test/run' })
    await deployments.setStatus(id, {
      state: 'success',
      logUrl: 'https://example.test/run',
      description: 'done',
      autoInactive: true
    })

    expect(await deployments.latestState(id)).toBe('success')
    expect(await collect(deployments.list('staging'))).toEqual([
      { id, payload: { tool: 'immutable-image', n: 1 } }
    ])
    expect(double.deployments.find((d) => d.id === id)?.statuses.map((s) => s.state)).toEqual([
      'in_progress',
      'success'
    ])
  })

  it("lists only the environment's deployments, newest first", async () => {
    const deployments = history()
    const first = await deployments.create(newDeployment('production', 1))
    await deployments.create(newDeployment('staging', 2))
    const third = await deployments.create(newDeployment('production', 3))

    const listed = await collect(deployments.list('production'))
    expect(listed.map((entry) => entry.id)).toEqual([third, first])
  })

  it('fails with GitHub status and message when the token may not deploy', async () => {
    await expect(history(NO_DEPLOYMENTS_TOKEN).create(newDeployment('staging'))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof GitHubApiError &&
        error.status === 403 &&
        /^GitHub answered 403 to POST \/repos\/octo-org\/shop\/deployments \(Resource not accessible/.test(
          error.message
        )
    )
  })
})

describe('GitHubRest', () => {
  it('follows every next page of a list', async () => {
    const deployments = history()
    for (let n = 1; n <= 5; n++) await deployments.create(newDeployment('staging', n))
    const rest = new GitHubRest(WRITE_TOKEN, double.url)

    const pages = await collect(
      rest.pages(rest.url(`repos/${owner}/${repo}/deployments`, { per_page: 2 }))
    )
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1])
  })

  it('keeps the rate-limit headers on a refusal, so the retry waits for the reset', async () => {
    const reset = new Date((Math.floor(Date.now() / 1000) + 60) * 1000)
    double.failNext({
      method: 'GET',
      path: `/repos/${owner}/${repo}/deployments`,
      times: 1,
      ...rateLimitExceeded(reset)
    })
    const rest = new GitHubRest(WRITE_TOKEN, double.url)

    const error = await rest
      .request('GET', rest.url(`repos/${owner}/${repo}/deployments`))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(readVerdict(error, reset.getTime() - 10_000)).toEqual({ retry: true, afterMs: 11_000 })
  })

  it('never sends the token to another origin, whatever a Link header says', async () => {
    const rest = new GitHubRest(WRITE_TOKEN, double.url)
    const elsewhere = nextPage('<http://127.0.0.2:9/steal>; rel="next"', rest.url('repos'))

    expect(elsewhere?.href).toBe('http://127.0.0.2:9/steal')
    await expect(rest.request('GET', elsewhere ?? rest.url(''))).rejects.toThrow(
      'refused to send the GitHub token to http://127.0.0.2:9'
    )
  })
})

describe('nextPage', () => {
  const current = new URL('https://api.github.com/repos/a/b/deployments?page=1')

  it.each([
    [null, undefined],
    ['<https://api.github.com/x?page=3>; rel="last"', undefined],
    [
      '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next"',
      'https://api.github.com/x?page=3'
    ],
    [
      '</repositories/1/deployments?page=2>; rel=next',
      'https://api.github.com/repositories/1/deployments?page=2'
    ]
  ])('reads %j as %j', (link, next) => {
    expect(nextPage(link, current)?.href).toBe(next)
  })
})

describe('a GitHub answer larger than the cap', () => {
  let server: Server | undefined

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve))
  })

  it('is refused from its Content-Length, before its body is read', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) })
      res.write('[')
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const rest = new GitHubRest(WRITE_TOKEN, `http://127.0.0.1:${port}`)

    await expect(rest.request('GET', rest.url('repos'))).rejects.toBeInstanceOf(BodyTooLargeError)
  })
})
