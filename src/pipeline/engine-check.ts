// The engine and buildx, each asked once, and only by a run that builds: a re-run that reuses the
// SHA tag never starts docker.
import * as core from '../runner/core.js'
import type { Docker } from '../docker/docker.js'
import { untrustedText } from '../log/untrusted-text.js'
import {
  buildxOnlyInputs,
  requireBuilderFor,
  type BuildxInputs
} from '../settings/buildx-inputs.js'

export class EngineCheck {
  private engineVersion: Promise<string> | undefined

  constructor(
    readonly docker: Docker,
    private readonly buildx: BuildxInputs
  ) {}

  private get needsBuildx(): boolean {
    return buildxOnlyInputs(this.buildx).length > 0
  }

  /** Readies what the probes need without starting them: a re-run that reuses its image starts none. */
  prepare(): void {
    this.docker.prepare()
  }

  /** Starts both probes, to run while git and the registry are asked; `ready` reads the answers. */
  start(): void {
    if (this.engineVersion !== undefined) return
    // buildx first: its version is a process. Only inputs the classic builder refuses need it
    // before the build; otherwise the plugin found on disk builds, and is asked only if it fails.
    if (this.needsBuildx) this.docker.buildxVersion().catch(() => undefined)
    else this.docker.buildx().catch(() => undefined)
    this.engineVersion = this.docker.ensureEngine()
    // Awaited in `ready`; until then a failure must not count as unhandled.
    this.engineVersion.catch(() => undefined)
  }

  /** Fails when no engine answers, or when an input needs buildx and the runner has none. */
  async ready(): Promise<void> {
    this.start()
    const version = this.engineVersion ?? Promise.resolve('')
    await core.group('Docker engine', async () => {
      core.info(`Engine ${untrustedText(await version)}`)
    })
    if (this.needsBuildx)
      requireBuilderFor(this.buildx, (await this.docker.buildxVersion()) !== undefined)
  }
}
