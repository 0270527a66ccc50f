import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../harness/project-root.js'

const dirs: string[] = []

/** An etc directory with os-release and the given files under apt/. */
function etc(osRelease: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'etc-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'apt/sources.list.d'), { recursive: true })
  writeFileSync(join(dir, 'os-release'), osRelease)
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, 'apt', path), text)
  return dir
}

/** What scripts/test-env/engine.sh's debian_mirror prints, or undefined when it finds none. */
function debianMirror(dir: string): string | undefined {
  try {
    return execFileSync(
      'bash',
      ['-c', 'source "$1"; debian_mirror "$2"', '_', 'scripts/test-env/engine.sh', dir],
      { cwd: PROJECT_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, state: '/nowhere' } }
    ).trim()
  } catch {
    return undefined
  }
}

const BOOKWORM = 'ID=debian\nVERSION_CODENAME=bookworm\n'

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// Each case runs the shell function in a bash of its own: seconds on a loaded machine.
describe('debian_mirror', { timeout: 30_000 }, () => {
  it('takes the deb822 entry of the release, not -updates or -security, with its keyring', () => {
    const dir = etc(BOOKWORM, {
      'sources.list.d/debian.sources': [
        'Types: deb',
        'URIs: http://deb.example/debian-security',
        'Suites: bookworm-security',
        '',
        'Types: deb',
        '# a comment',
        'URIs: http://deb.example/debian',
        'Suites: bookworm bookworm-updates',
        'Components: main',
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
        ''
      ].join('\n')
    })
    expect(debianMirror(dir)).toBe(
      'http://deb.example/debian /usr/share/keyrings/debian-archive-keyring.gpg'
    )
  })

  it('reads one-line entries with options, and without', () => {
    const withKey = etc(BOOKWORM, {
      'sources.list':
        'deb http://security.example/debian-security bookworm-security main\n' +
        'deb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main\n'
    })
    expect(debianMirror(withKey)).toBe('http://mirror.example/debian /k.gpg')
    const plain = etc(BOOKWORM, {
      'sources.list.d/plain.list': 'deb http://plain.example/debian bookworm main\n'
    })
    expect(debianMirror(plain)).toBe('http://plain.example/debian')
  })

  it('finds nothing on a system that is not Debian', () => {
    const dir = etc('ID=ubuntu\nVERSION_CODENAME=noble\n', {
      'sources.list': 'deb http://archive.ubuntu.com/ubuntu noble main\n'
    })
    expect(debianMirror(dir)).toBeUndefined()
  })
})
