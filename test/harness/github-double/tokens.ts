// Tokens the double accepts, who each acts as and what it may do, refused as GitHub refuses them.
import { GITHUB_ACTIONS_BOT, type GitHubUser } from './store.js'

/** The permissions a workflow's `permissions:` block grants, by the names it uses. */
export type Scope = 'contents' | 'deployments' | 'issues' | 'packages' | 'pull-requests'
export type Access = 'read' | 'write'

export interface TokenGrant {
  readonly identity: GitHubUser
  /**
   * installation: the workflow's GITHUB_TOKEN or another GitHub App's, refused GET /user;
   * personal: a person's token, for whom GET /user answers who they are.
   */
  readonly kind: 'installation' | 'personal'
  readonly permissions: Readonly<Partial<Record<Scope, Access>>>
}

/** What a route needs: at least `access` in any one of `scopes` (GitHub's own either-or). */
export interface Need {
  readonly scopes: readonly Scope[]
  readonly access: Access
}

const ALL_WRITE = {
  contents: 'write',
  deployments: 'write',
  issues: 'write',
  packages: 'write',
  'pull-requests': 'write'
} as const

/** Shaped like a GITHUB_TOKEN (ghs_ and 36 characters), so leak scans can look for it. */
export const WRITE_TOKEN = 'ghs_DoubleWriteToken00000000000000000000'
/** What a fork's pull request gets: it can read, and every write is refused. */
export const READ_TOKEN = 'ghs_DoubleReadToken000000000000000000000'
/** A person's fine-grained token, shaped like one (github_pat_…). */
export const PERSONAL_TOKEN = 'github_pat_DoublePersonalToken0000000000000000000'
const PERSONAL_USER: GitHubUser = { login: 'octocat', id: 583231, type: 'User' }

export const DEFAULT_TOKENS: Readonly<Record<string, TokenGrant>> = {
  [WRITE_TOKEN]: { identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: ALL_WRITE },
  [READ_TOKEN]: {
    identity: GITHUB_ACTIONS_BOT,
    kind: 'installation',
    permissions: {
      contents: 'read',
      deployments: 'read',
      issues: 'read',
      packages: 'read',
      'pull-requests': 'read'
    }
  },
  [PERSONAL_TOKEN]: { identity: PERSONAL_USER, kind: 'personal', permissions: ALL_WRITE }
}

export function allows(grant: TokenGrant, need: Need): boolean {
  return need.scopes.some((scope) => {
    const held = grant.permissions[scope]
    return held === 'write' || (held === 'read' && need.access === 'read')
  })
}

/** The message GitHub gives a token that lacks a permission, which names the kind of token. */
export function refusal(grant: TokenGrant): string {
  return grant.kind === 'installation'
    ? 'Resource not accessible by integration'
    : 'Resource not accessible by personal access token'
}

/** The x-accepted-github-permissions header GitHub sends with such a refusal. */
export function acceptedPermissions(need: Need): string {
  return need.scopes.map((scope) => `${scope.replace('-', '_')}=${need.access}`).join('; ')
}

export function tokenOf(authorization: string | undefined): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1]
}
