import { describe, expect, it } from 'vitest'
import { operationContract } from './openapi.js'

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const params = { owner: 'acme', repo: 'web', issue_number: '7' }

describe('operationContract', () => {
  const create = operationContract('POST', COMMENTS)

  it("names the operation and its documentation as GitHub's errors do", () => {
    expect(create).toMatchObject({
      operationId: 'issues/create-comment',
      documentationUrl: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment'
    })
  })

  it.each<[string, Record<string, string>, string, unknown, string]>([
    ['a missing body field', params, '', {}, "must have required property 'body'"],
    ['a field of the wrong type', params, '', { body: 7 }, 'request body/body: must be string'],
    ['a field the operation lacks', params, '', { body: 'x', bdoy: 'x' }, '(bdoy)'],
    [
      'a path parameter that is not a number',
      { ...params, issue_number: 'x' },
      '',
      { body: 'x' },
      'path parameters/issue_number'
    ],
    [
      'a query parameter the operation lacks',
      params,
      'sort=asc',
      { body: 'x' },
      'query parameters: must NOT have additional properties (sort)'
    ]
  ])('finds %s in a request', (_, path, query, body, problem) => {
    const problems = create.checkRequest(path, new URLSearchParams(query), body)

    expect(problems).toEqual([expect.stringContaining(problem)])
  })

  it('passes a request as Octokit sends it', () => {
    expect(create.checkRequest(params, new URLSearchParams(), { body: 'hello' })).toEqual([])
  })

  it('finds a response that lacks a required field or has one of the wrong type', () => {
    expect(create.checkResponse(201, { id: 1 })).toEqual([
      expect.stringContaining("must have required property 'node_id'")
    ])
  })

  it('reads nullable fields as "null or the type"', () => {
    const list = operationContract('GET', '/repos/{owner}/{repo}/deployments')
    const deployment = {
      url: 'https://api.github.com/repos/a/b/deployments/1',
      id: 1,
      node_id: 'x',
      sha: 'a'.repeat(40),
      ref: 'main',
      task: 'deploy',
      payload: {},
      environment: 'staging',
      description: null,
      creator: null,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      statuses_url: 'https://api.github.com/repos/a/b/deployments/1/statuses',
      repository_url: 'https://api.github.com/repos/a/b',
      performed_via_github_app: null
    }

    expect(list.checkResponse(200, [deployment])).toEqual([])
    expect(list.checkResponse(200, [{ ...deployment, environment: null }])).not.toEqual([])
  })

  it("holds errors the description leaves out to GitHub's basic error shape", () => {
    const remove = operationContract('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}')

    expect(remove.checkResponse(404, { message: 'Not Found', documentation_url: 'x' })).toEqual([])
    expect(remove.checkResponse(404, { message: 404 })).not.toEqual([])
    expect(remove.checkResponse(200, {})).toEqual([
      'issues/delete-comment: status 200 is not documented'
    ])
    expect(remove.checkResponse(204, { unexpected: true })).toEqual([
      'issues/delete-comment: status 204 documents no body'
    ])
  })

  it('refuses an operation api.github.com does not have', () => {
    expect(() => operationContract('GET', '/repos/{owner}/{repo}/nothing')).toThrow(
      'GET /repos/{owner}/{repo}/nothing is not in api.github.com'
    )
  })
})
