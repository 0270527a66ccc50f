// The one place `docker` runs: argv arrays only, secrets through stdin or the environment.
import { EOL } from 'node:os'
import { ActionError } from '../errors.js'
import { runTool } from '../run-tool.js'
import { untrustedLog, type UntrustedWriter } from '../log/untrusted-stream.js'
import { dockerConfigDir, loginFromDockerConfig } from '../registry/credentials.js'
import { findBuildxPlugin } from './buildx-plugin.js'
import { engineSocket } from './engine-api.js'
import { runShortcut } from './engine-shortcuts.js'
import {
  digestFromPushOutput,
  pushThroughEngine,
  registryAuthHeader,
  type PushResult
} from './engine-push.js'
import { OutputTail } from './output-tail.js'

export { OutputTail } from './output-tail.js'

export interface DockerRunOptions {
  /** Bytes for stdin (e.g. a password for `login --password-stdin`). */
  readonly input?: Buffer
  /** Extra environment for this call only (values stay out of the argument list). */
  readonly env?: Readonly<Record<string, string>>
  /** Keep output out of the log (it is still captured); otherwise it is shown with workflow commands stopped. */
  readonly silent?: boolean
  /** Return a failed exit code instead of throwing. */
  readonly allowFailure?: boolean
  /** Called with each chunk of stdout and stderr as it arrives. */
  readonly onOutput?: (chunk: Buffer) => void
}

export interface DockerResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

const CAPTURE_LIMIT = 1024 * 1024

export interface Buildx {
  readonly available: boolean
  /** Its `docker buildx version` line where it was asked; undefined for a plugin found on disk. */
  readonly version: string | undefined
}

/** Answers about the engine and its plugins, asked once per run whichever client asks. */
interface Probes {
  buildxPlugin?: Promise<string | undefined>
  buildxVersion?: Promise<string | undefined>
}

export class Docker {
  constructor(
    private readonly baseEnv: Readonly<Record<string, string>> = {},
    private readonly probes: Probes = {}
  ) {}

  /**
   * A client bound to a Docker config directory (where `login` stores credentials). It shares the
   * probes: our config links the job's cli-plugins and buildx directories, so the answers hold.
   */
  withConfig(configDir: string): Docker {
    return new Docker({ ...this.baseEnv, DOCKER_CONFIG: configDir }, this.probes)
  }

  get configDir(): string | undefined {
    return this.baseEnv.DOCKER_CONFIG
  }

  /**
   * `docker ARGS`; `docker buildx …` runs the plugin itself, standalone, where the CLI would find
   * it: the CLI's start and its plugin handshake cost a build about as much as a second process.
   */
  async run(args: readonly string[], options: DockerRunOptions = {}): Promise<DockerResult> {
    if (args[0] === 'buildx') {
      const plugin = await this.buildxPlugin()
      if (plugin !== undefined) return this.runTool(plugin, args.slice(1), options)
    }
    return this.runTool('docker', args, options)
  }

  /**
   * Finds the buildx plugin and the engine's socket (files only, no process, no request), so a run
   * that turns out to build starts its probes the moment it knows.
   */
  prepare(): void {
    this.buildxPlugin().catch(() => undefined)
    engineSocket(this.env()).catch(() => undefined)
  }

  /** The plugin `docker buildx` would run, looked for once; undefined where the CLI alone knows. */
  buildxPlugin(): Promise<string | undefined> {
    this.probes.buildxPlugin ??= findBuildxPlugin(this.configDir ?? dockerConfigDir())
    return this.probes.buildxPlugin
  }

  /** The environment docker runs with: the step's, this client's over it, then `extra`. */
  private env(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    return { ...definedEnv(process.env), ...this.baseEnv, ...extra }
  }

  /** `docker` or one of its plugins, run directly, with this client's environment. */
  private async runTool(
    tool: string,
    args: readonly string[],
    options: DockerRunOptions
  ): Promise<DockerResult> {
    const env = this.env(options.env)
    const result =
      (await askEngineInstead(tool, args, options, env)) ??
      (await execTool(tool, args, options, env))
    if (result.exitCode !== 0 && options.allowFailure !== true) {
      throw new ActionError(
        `${tool} ${args[0] ?? ''} failed (exit ${result.exitCode}): ${lastLine(result.stderr || result.stdout)}`
      )
    }
    return result
  }

  /**
   * `docker push` of `repository:tag`, never failing by itself: through the engine's API where the
   * CLI would talk to its socket, with the login the CLI would hand the engine from this client's
   * config; the CLI where there is no such socket or it does not answer (a remote engine, a context).
   */
  async push(repository: string, tag: string, registry: string): Promise<PushResult> {
    const env = this.env()
    const socket = await engineSocket(env)
    if (socket !== undefined) {
      const login = await loginFromDockerConfig(registry, dockerConfigDir(env))
      const auth = registryAuthHeader(login, registry)
      const pushed = await untrustedLog.stream((show) =>
        pushThroughEngine(socket, { repository, tag, auth }, show)
      )
      if (pushed !== undefined) return pushed
    }
    const result = await this.run(['push', `${repository}:${tag}`], { allowFailure: true })
    return { ...result, digest: digestFromPushOutput(result.stdout) }
  }

  /** Fails with a clear message when no engine answers. */
  async ensureEngine(): Promise<string> {
    const result = await this.run(['version', '--format', '{{.Server.Version}}'], {
      silent: true,
      allowFailure: true
    })
    if (result.exitCode !== 0 || result.stdout.trim() === '') {
      throw new ActionError(
        `no Docker engine is reachable: ${lastLine(result.stderr) || 'docker version printed nothing'}`
      )
    }
    return result.stdout.trim()
  }

  /**
   * Whether `docker buildx` runs, without a process where the plugin is found on disk and its
   * version was not asked already (the process would cost a build start about 60 ms); else the
   * CLI is asked.
   */
  async buildx(): Promise<Buildx> {
    const asked = this.probes.buildxVersion !== undefined
    if (!asked && (await this.buildxPlugin()) !== undefined)
      return { available: true, version: undefined }
    const version = await this.buildxVersion()
    return { available: version !== undefined, version }
  }

  /** What `docker buildx version` prints, asked once; undefined when buildx is missing. */
  buildxVersion(): Promise<string | undefined> {
    this.probes.buildxVersion ??= this.askBuildxVersion()
    return this.probes.buildxVersion
  }

  /** Of the plugin itself where the CLI would find it (the same line), else of the CLI. */
  private async askBuildxVersion(): Promise<string | undefined> {
    const result = await this.run(['buildx', 'version'], { silent: true, allowFailure: true })
    return result.exitCode === 0 ? lastLine(result.stdout) : undefined
  }
}

/** A quiet question or small change the engine's API answers without a CLI process. */
async function askEngineInstead(
  tool: string,
  args: readonly string[],
  options: DockerRunOptions,
  env: Readonly<Record<string, string>>
): Promise<DockerResult | undefined> {
  const quiet = options.silent === true && options.input === undefined
  if (tool !== 'docker' || !quiet || options.onOutput !== undefined) return undefined
  const socket = await engineSocket(env)
  return socket === undefined ? undefined : runShortcut(socket, args)
}

async function execTool(
  tool: string,
  args: readonly string[],
  options: DockerRunOptions,
  env: Record<string, string>
): Promise<DockerResult> {
  const stdout = new OutputTail(CAPTURE_LIMIT)
  const stderr = new OutputTail(CAPTURE_LIMIT)
  const execute = (show: UntrustedWriter | undefined): Promise<number> =>
    runTool(tool, args, {
      env,
      ...(options.input === undefined ? {} : { input: options.input }),
      onStdout: (data) => {
        stdout.append(data.toString('utf8'))
        options.onOutput?.(data)
        show?.(data)
      },
      onStderr: (data) => {
        stderr.append(data.toString('utf8'))
        options.onOutput?.(data)
        show?.(data)
      }
    })
  try {
    const exitCode =
      options.silent === true
        ? await execute(undefined)
        : await untrustedLog.stream((show) => {
            show(`[command]${tool} ${args.join(' ')}${EOL}`)
            return execute(show)
          })
    return { exitCode, stdout: stdout.toString(), stderr: stderr.toString() }
  } catch (error) {
    throw new ActionError(
      `could not run docker: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.at(-1) ?? ''
}

function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value
  return result
}
