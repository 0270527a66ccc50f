// What a job's steps leave the steps after them: GITHUB_ENV variables and GITHUB_PATH directories.
import { delimiter } from 'node:path'
import type { StepFileCommands } from './file-commands.js'

export class JobEnvironment {
  private readonly exported: Record<string, string> = {}
  private readonly prependPath: string[] = []

  /** Takes in what a step wrote to GITHUB_ENV and GITHUB_PATH, as SetEnvFileCommand and AddPathFileCommand do. */
  apply(files: StepFileCommands): void {
    Object.assign(this.exported, files.env)
    for (const dir of files.path) {
      const at = this.prependPath.indexOf(dir)
      if (at >= 0) this.prependPath.splice(at, 1)
      this.prependPath.push(dir)
    }
  }

  /** The variables GITHUB_ENV set so far: part of the env context and of each later step's environment. */
  get env(): Record<string, string> {
    return { ...this.exported }
  }

  /** PATH as the runner hands it to a step (Handler.AddPrependPathToEnvironment): the added directories, newest first. */
  path(current: string | undefined): string | undefined {
    if (this.prependPath.length === 0) return current
    const prepend = [...this.prependPath].reverse().join(delimiter)
    if (current === undefined || current === '') return prepend
    return current.startsWith(prepend + delimiter) ? current : prepend + delimiter + current
  }
}
