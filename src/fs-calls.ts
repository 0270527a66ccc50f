// node:fs's callback calls as promises. node:fs/promises costs a step about 2.5 ms to load (it
// brings readline and the REPL's history with it), and most steps only stat or read a file or two.
import { access, appendFile, readFile, stat, type Stats } from 'node:fs'

export function statOf(path: string): Promise<Stats> {
  return new Promise((resolve, reject) => {
    stat(path, (error, stats) => {
      if (error === null) resolve(stats)
      else reject(error)
    })
  })
}

export function textOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => {
      if (error === null) resolve(text)
      else reject(error)
    })
  })
}

export function appendText(path: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    appendFile(path, text, { encoding: 'utf8' }, (error) => {
      if (error === null) resolve()
      else reject(error)
    })
  })
}

/** Whether the process may use the file as `mode` (fs.constants.X_OK and the like) says. */
export function mayAccess(path: string, mode: number): Promise<boolean> {
  return new Promise((resolve) => {
    access(path, mode, (error) => {
      resolve(error === null)
    })
  })
}
