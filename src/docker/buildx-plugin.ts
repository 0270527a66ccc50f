// Finds the buildx plugin where the docker CLI looks for it, so that its version is asked of the
// plugin alone: one process instead of three (the CLI, the plugin's metadata call, the plugin).
import { constants } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { mayAccess, statOf } from '../fs-calls.js'
import { dockerConfigOrEmpty } from '../registry/docker-config-file.js'

/** The CLI's own list on Linux (cli-plugins/manager/manager_unix.go), searched after the config's. */
export const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
] as const

async function extraPluginDirs(configDir: string): Promise<string[]> {
  const dirs = (await dockerConfigOrEmpty(configDir)).cliPluginsExtraDirs
  if (!Array.isArray(dirs)) return []
  return dirs.filter((dir): dir is string => typeof dir === 'string' && isAbsolute(dir))
}

async function isExecutableFile(path: string): Promise<boolean> {
  if (!(await mayAccess(path, constants.X_OK))) return false
  try {
    return (await statOf(path)).isFile()
  } catch {
    return false
  }
}

/**
 * The plugin the CLI would run for `docker buildx`, in its order: the config directory's
 * cli-plugins, the config's cliPluginsExtraDirs, then the system directories. Undefined when none
 * is there, and the caller asks the CLI, which may know a directory of its own.
 */
export async function findBuildxPlugin(
  configDir: string,
  systemDirs: readonly string[] = SYSTEM_PLUGIN_DIRS
): Promise<string | undefined> {
  const dirs = [
    join(configDir, 'cli-plugins'),
    ...(await extraPluginDirs(configDir)),
    ...systemDirs
  ]
  for (const dir of dirs) {
    const candidate = join(dir, 'docker-buildx')
    if (await isExecutableFile(candidate)) return candidate
  }
  return undefined
}
