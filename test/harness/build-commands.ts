// The build commands a step printed, whichever way it ran the build: the buildx plugin standalone
// (`…/cli-plugins/docker-buildx build`), `docker buildx build`, or the classic `docker build`.

/** A `[command]` line that builds an image. */
export const BUILD_COMMAND = /^\[command\]\S*docker(?:-buildx| buildx)? build /

/** The build command lines of a step's stdout, in order. */
export function buildCommands(stdout: string): string[] {
  return stdout.split('\n').filter((line) => BUILD_COMMAND.test(line))
}
