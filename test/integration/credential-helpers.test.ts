// The build action's registry login stays out of the machine's Docker credential helpers.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type TestEnvironment
} from '../harness/index.js'

/**
 * A credential helper standing in for the machine's keychain: it records every call (verb and
 * stdin) and knows no credentials, as a global store holding nothing of this job would.
 */
function recordingHelper(): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'helper-bin-'))
  const log = join(bin, 'calls.log')
  writeFileSync(
    join(bin, 'docker-credential-recorder'),
    `#!/bin/sh
input=$(cat)
printf '%s %s\\n' "$1" "$input" >> '${log}'
case "$1" in
  list) echo '{}' ;;
  get) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`
  )
  chmodSync(join(bin, 'docker-credential-recorder'), 0o755)
  return { bin, log }
}

describe('a Docker config whose logins go to a credential helper', () => {
  it.for([
    ['credsStore', (): Record<string, unknown> => ({ credsStore: 'recorder' })],
    [
      'a credHelpers entry for the registry',
      (env: TestEnvironment): Record<string, unknown> => ({
        credHelpers: { [env.registry]: 'recorder' }
      })
    ]
  ] as const)(
    'with %s: the login never reaches the helper, and still works',
    async ([, configFor], { build, env }) => {
      const { registry, password } = env
      const config = (): Record<string, unknown> => configFor(env)
      const helper = recordingHelper()
      const dockerConfig = mkdtempSync(join(tmpdir(), 'docker-config-'))
      writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify(config()))
      const workspace = makeWorkspace(
        { Dockerfile: 'FROM immutable-image-base/busybox:1\nCOPY .nonce /nonce\n' },
        { example: false }
      )
      const path = freshRepository('helpers')

      const result = await build({
        workspace,
        repository: path,
        inputs: { comment: 'false', 'test-command': 'true' },
        env: {
          DOCKER_CONFIG: dockerConfig,
          PATH: `${helper.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`
        }
      })

      expect(result.main.exitCode, result.main.stdout).toBe(0)
      expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBe(result.outputs.digest)
      const calls = existsSync(helper.log) ? readFileSync(helper.log, 'utf8') : ''
      expect(calls).not.toMatch(/^store /m)
      expect(calls).not.toContain(password)
      expect(calls).not.toContain(registry)
      expect(JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8'))).toEqual(config())
    }
  )
})
