// The JSON the double answers with, field for field in the order api.github.com uses.
import type {
  GitHubUser,
  StoredComment,
  StoredDeployment,
  StoredDeploymentStatus
} from './store.js'

const WEB = 'https://github.com'

function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64')
}

export function userJson(user: GitHubUser, base: string): Record<string, unknown> {
  const api = `${base}/users/${encodeURIComponent(user.login)}`
  const bot = user.type === 'Bot'
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url: bot
      ? 'https://avatars.githubusercontent.com/in/15368?v=4'
      : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${WEB}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** GET /user for a person: the public profile with nothing filled in. */
export function authenticatedUserJson(user: GitHubUser, base: string): Record<string, unknown> {
  return {
    ...userJson(user, base),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2011-01-25T18:44:36Z'
  }
}

export function commentJson(comment: StoredComment, base: string): Record<string, unknown> {
  const api = `${base}/repos/${comment.owner}/${comment.repo}`
  const url = `${api}/issues/comments/${comment.id}`
  return {
    url,
    html_url: `${WEB}/${comment.owner}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(comment.user, base),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.login === comment.owner ? 'OWNER' : 'NONE',
    body: comment.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    },
    performed_via_github_app: null
  }
}

export function deploymentJson(
  deployment: StoredDeployment,
  base: string
): Record<string, unknown> {
  const api = `${base}/repos/${deployment.owner}/${deployment.repo}`
  return {
    url: `${api}/deployments/${deployment.id}`,
    id: deployment.id,
    node_id: nodeId('Deployment', deployment.id),
    task: deployment.task,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${api}/deployments/${deployment.id}/statuses`,
    repository_url: api,
    creator: userJson(deployment.creator, base),
    sha: deployment.sha,
    ref: deployment.ref,
    payload: deployment.payload,
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null
  }
}

export function statusJson(
  deployment: StoredDeployment,
  status: StoredDeploymentStatus,
  base: string
): Record<string, unknown> {
  const api = `${base}/repos/${deployment.owner}/${deployment.repo}`
  const deploymentUrl = `${api}/deployments/${deployment.id}`
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DeploymentStatus', status.id),
    state: status.state,
    creator: userJson(status.creator, base),
    description: status.description,
    environment: status.environment,
    target_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: api,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null
  }
}
