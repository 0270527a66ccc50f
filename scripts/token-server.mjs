// A token service for the test registry, as ghcr.io and Docker Hub run one: Basic credentials in,
// an RS256 JWT that distribution's token auth accepts out. Counts what it issues and refuses, in
// all and per repository (GET /stats[?repository=NAME], POST /stats/reset), so tests can prove a
// client reuses its token. Usage: node scripts/token-server.mjs --key FILE --cert FILE
// --user NAME --password-file FILE [--service NAME] [--issuer NAME] [--port N]
import { createHash, randomUUID, sign, timingSafeEqual, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values: options } = parseArgs({
  options: {
    key: { type: 'string' },
    cert: { type: 'string' },
    user: { type: 'string' },
    'password-file': { type: 'string' },
    service: { type: 'string', default: 'immutable-image-test' },
    issuer: { type: 'string', default: 'immutable-image-test-issuer' },
    port: { type: 'string', default: process.env.IMMUTABLE_IMAGE_TEST_TOKEN_PORT ?? '5558' }
  }
})
for (const name of ['key', 'cert', 'user', 'password-file']) {
  if (options[name] === undefined) {
    console.error(`token-server: --${name} is required`)
    process.exit(2)
  }
}

const LIFETIME_SECONDS = 300
const privateKey = readFileSync(options.key, 'utf8')
// distribution trusts a token whose x5c chain ends in its rootcertbundle.
const certificate = new X509Certificate(readFileSync(options.cert)).raw.toString('base64')
const user = options.user
const passwordHash = sha256(readFileSync(options['password-file'], 'utf8').trim())
const newStats = () => ({ tokens: 0, refused: 0 })
let stats = newStats()
// Suites sharing this server at the same time each count their own fresh repositories.
let statsByRepository = new Map()

function sha256(text) {
  return createHash('sha256').update(text).digest()
}

const base64url = (value) => Buffer.from(value).toString('base64url')

/** The Basic credentials' user when they match; undefined when none were sent; null when wrong. */
function authenticate(header) {
  if (header === undefined) return undefined
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (match === null) return null
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return null
  const name = decoded.slice(0, colon)
  // Compare hashes so the time taken does not leak how much of the password was right.
  const rightPassword = timingSafeEqual(sha256(decoded.slice(colon + 1)), passwordHash)
  return name === user && rightPassword ? name : null
}

/** `repository:acme/web:pull,push` → {type, name, actions}; the name may itself hold colons. */
function parseScope(scope) {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first === -1 || last === first) return undefined
  return {
    type: scope.slice(0, first).replace(/\(.*\)$/, ''),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter((action) => action !== '')
  }
}

function jwt(subject, access) {
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: 'RS256', x5c: [certificate] }
  const claims = {
    iss: options.issuer,
    sub: subject,
    aud: options.service,
    exp: now + LIFETIME_SECONDS,
    nbf: now,
    iat: now,
    jti: randomUUID(),
    access
  }
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  return `${signed}.${sign('sha256', Buffer.from(signed), privateKey).toString('base64url')}`
}

/** Adds one to `kind` in all and for each repository the request's scopes name. */
function count(kind, scopes) {
  stats[kind]++
  const repositories = new Set(
    scopes.filter((scope) => scope.type === 'repository').map((scope) => scope.name)
  )
  for (const repository of repositories) {
    const entry = statsByRepository.get(repository) ?? newStats()
    entry[kind]++
    statsByRepository.set(repository, entry)
  }
}

function reply(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

function issueToken(request, response, url) {
  const service = url.searchParams.get('service')
  if (service !== null && service !== options.service) {
    reply(response, 400, {
      errors: [{ code: 'UNSUPPORTED', message: `unknown service ${service}` }]
    })
    return
  }
  const requested = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' '))
  const scopes = requested.map(parseScope).filter((scope) => scope !== undefined)
  const subject = authenticate(request.headers.authorization)
  if (subject === null) {
    count('refused', scopes)
    console.log(`refused wrong credentials: ${requested.join(' ') || '-'}`)
    reply(
      response,
      401,
      { errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password' }] },
      { 'www-authenticate': `Basic realm="${options.service}"` }
    )
    return
  }
  // Anonymous callers get a token that grants nothing: this registry has no public repositories.
  const token = jwt(subject ?? '', subject === undefined ? [] : scopes)
  count('tokens', scopes)
  console.log(`token for ${subject ?? 'anonymous'}: ${requested.join(' ') || '-'}`)
  reply(response, 200, {
    token,
    access_token: token,
    expires_in: LIFETIME_SECONDS,
    issued_at: new Date().toISOString()
  })
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://token-server')
  if (request.method === 'GET' && url.pathname === '/token') issueToken(request, response, url)
  else if (request.method === 'GET' && url.pathname === '/stats') {
    const repository = url.searchParams.get('repository')
    reply(
      response,
      200,
      repository === null ? stats : (statsByRepository.get(repository) ?? newStats())
    )
  } else if (request.method === 'POST' && url.pathname === '/stats/reset') {
    stats = newStats()
    statsByRepository = new Map()
    reply(response, 200, stats)
  } else reply(response, 404, { errors: [{ code: 'NOT_FOUND', message: url.pathname }] })
})

server.on('error', (error) => {
  console.error(`token-server: ${error.message}`)
  process.exit(1)
})
server.listen(Number(options.port), '127.0.0.1', () => {
  // Names the process, so test-env.sh stops only this one by its pid and /proc comm.
  process.title = 'token-server'
  console.log(`token-server listening on 127.0.0.1:${options.port}`)
})
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
