// A checkout whose image needs no RUN (FROM scratch, a static busybox copied in): it builds for any
// platform without an emulator, and runs its tests natively.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitChange, makeWorkspace, type Workspace } from './workspace.js'

const DOCKERFILE = 'FROM scratch\nCOPY busybox /bin/busybox\nCOPY .nonce /nonce\n'

/** Exec form: the image has no /bin/sh. */
export const BUSYBOX_TEST_COMMAND = '["/bin/busybox", "test", "-f", "/nonce"]'

export function busyboxWorkspace(): Workspace {
  const workspace = makeWorkspace({ Dockerfile: DOCKERFILE }, { example: false })
  copyFileSync('/bin/busybox', join(workspace.dir, 'busybox'))
  return { dir: workspace.dir, sha: commitChange(workspace.dir, {}) }
}
