// Pure argv builders for the docker commands the actions run.

export interface BuildCommand {
  readonly buildx: boolean
  readonly context: string
  readonly file: string
  /** Local names of the image; the first is the one pushed. */
  readonly tags: readonly string[]
  /** Names only: values reach docker through the environment, never the argument list. */
  readonly buildArgNames: readonly string[]
  readonly labels: ReadonlyMap<string, string>
  /** Annotations of the image manifest (buildx only): read from the manifest, no config needed. */
  readonly manifestAnnotations: ReadonlyMap<string, string>
  readonly target: string | undefined
  /** `--network` of the RUN instructions; undefined leaves the builder's default. */
  readonly network: string | undefined
  /** The build-push-action inputs' flags (see buildx-args.ts). */
  readonly inputFlags: readonly string[]
  /** buildx `--platform`, e.g. linux/amd64 and linux/arm64 into one index; empty for the engine's own. */
  readonly platforms: readonly string[]
}

export function buildArgs(command: BuildCommand): string[] {
  const args = command.buildx ? ['buildx', 'build', '--load'] : ['build']
  args.push('--file', command.file)
  for (const tag of command.tags) args.push('--tag', tag)
  for (const name of command.buildArgNames) args.push('--build-arg', name)
  for (const [key, value] of command.labels) args.push('--label', `${key}=${value}`)
  if (command.buildx) {
    // On the manifest, and on its descriptor in the index buildx makes around it (with the
    // attestations): a re-run reads the commit from the index alone.
    for (const [key, value] of command.manifestAnnotations) {
      args.push('--annotation', `manifest:${key}=${value}`)
      args.push('--annotation', `manifest-descriptor:${key}=${value}`)
    }
  }
  if (command.target !== undefined) args.push('--target', command.target)
  if (command.network !== undefined) args.push('--network', command.network)
  if (command.buildx && command.platforms.length > 0) {
    args.push('--platform', command.platforms.join(','))
  }
  args.push(...command.inputFlags)
  args.push(command.context)
  return args
}

/**
 * Whether a buildx, by the line `docker buildx version` prints (`github.com/docker/buildx v0.13.1 …`),
 * takes `--annotation`: 0.12 and later. Unreadable versions are taken not to.
 */
export function buildxAnnotates(version: string): boolean {
  const match = /\bv?(\d+)\.(\d+)\.\d+/.exec(version)
  if (match === null) return false
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major > 0 || minor >= 12
}

export interface TestRunCommand {
  readonly containerName: string
  readonly imageId: string
  /** The command to run, first element as the entrypoint so the image's ENTRYPOINT is bypassed. */
  readonly command: readonly string[]
  readonly network: string
  readonly memory: string | undefined
  readonly pidsLimit: number | undefined
  /** Names only: values reach the container through the environment of `docker run`. */
  readonly envNames: readonly string[]
  /** Which image of a multi-platform index to run; undefined for the engine's own platform. */
  readonly platform: string | undefined
}

export function testRunArgs(run: TestRunCommand): string[] {
  const [entrypoint, ...rest] = run.command
  if (entrypoint === undefined) throw new Error('the test command is empty')
  // No --rm: the container's state (OOMKilled) is read after it exits; the caller removes it.
  const args = ['run', ...containerLimits(run)]
  args.push('--entrypoint', entrypoint, run.imageId, ...rest)
  return args
}

/** A container of the shipped image as it runs in production: under the tests' limits, otherwise untouched. */
export type ProductionRunCommand = Omit<TestRunCommand, 'command'>

/**
 * Starts it detached with its own ENTRYPOINT and CMD. No `--rm`: when it exits, its exit code and
 * log are what the report needs, so its remover takes it away.
 */
export function productionRunArgs(run: ProductionRunCommand): string[] {
  return ['run', '--detach', ...containerLimits(run), run.imageId]
}

function containerLimits(run: ProductionRunCommand): string[] {
  const args = ['--name', run.containerName, '--network', run.network, '--pull', 'never']
  if (run.platform !== undefined) args.push('--platform', run.platform)
  // Untrusted code: no new privileges, bounded memory and processes, no host mounts.
  args.push('--security-opt', 'no-new-privileges')
  if (run.memory !== undefined) args.push('--memory', run.memory)
  if (run.pidsLimit !== undefined) args.push('--pids-limit', String(run.pidsLimit))
  for (const name of run.envNames) args.push('--env', name)
  return args
}

/** Runs `command` in the running container: its environment and user, the image's working directory. */
export function execArgs(containerName: string, command: readonly string[]): string[] {
  if (command.length === 0) throw new Error('the command is empty')
  return ['exec', containerName, ...command]
}

/** The container's state (running, exit code, health) as one line of JSON. */
export function containerStateArgs(containerName: string): string[] {
  return ['container', 'inspect', '--format', '{{json .State}}', containerName]
}

export function containerLogArgs(containerName: string, lines: number): string[] {
  return ['logs', '--tail', String(lines), containerName]
}
