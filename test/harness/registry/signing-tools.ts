// oras and cosign as the test engine unpacks them, against the open loopback registry (no login).
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testEnv } from '../test-env.js'

/** The engine's PATH (oras, cosign) and a HOME of its own, so cosign caches nothing in the user's. */
function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...testEnv().dockerEnv,
    HOME: mkdtempSync(join(tmpdir(), 'signing-tools-home-')),
    ...extra
  }
}

function run(tool: string, args: string[], cwd?: string, env?: Record<string, string>): string {
  return execFileSync(tool, args, {
    env: toolEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd === undefined ? {} : { cwd })
  })
}

/** oras over plain HTTP. */
export function oras(args: string[], cwd?: string): string {
  return run('oras', [...args, '--plain-http'], cwd)
}

/** Attaches a one-file artifact of this type to a reference, as a referrer of its digest. */
export function attachArtifact(reference: string, artifactType: string, content: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'attached-'))
  writeFileSync(join(dir, 'statement.json'), content)
  oras(['attach', '--artifact-type', artifactType, reference, 'statement.json'], dir)
}

export interface CosignKey {
  readonly privateKey: string
  readonly publicKey: string
  /** Reaches cosign as COSIGN_PASSWORD, never on its command line. */
  readonly password: string
}

/** A fresh cosign key pair, encrypted with a random password. */
export function cosignKeyPair(): CosignKey {
  const dir = mkdtempSync(join(tmpdir(), 'cosign-key-'))
  const password = randomBytes(12).toString('hex')
  run('cosign', ['generate-key-pair'], dir, { COSIGN_PASSWORD: password })
  return { privateKey: join(dir, 'cosign.key'), publicKey: join(dir, 'cosign.pub'), password }
}

/** Signs a digest reference with the key, over plain HTTP, without the public transparency log. */
export function cosignSign(key: CosignKey, reference: string): void {
  run(
    'cosign',
    [
      'sign',
      '--yes',
      '--key',
      key.privateKey,
      '--tlog-upload=false',
      '--allow-http-registry',
      reference
    ],
    undefined,
    { COSIGN_PASSWORD: key.password }
  )
}

/** What `cosign verify` prints for a reference signed with the key; it throws when none is. */
export function cosignVerify(key: CosignKey, reference: string): string {
  return run('cosign', [
    'verify',
    '--key',
    key.publicKey,
    '--insecure-ignore-tlog=true',
    '--allow-http-registry',
    reference
  ])
}
