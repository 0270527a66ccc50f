// The last part of a long output, kept without holding all of it.
/**
 * Keeps the last `limit` characters of a stream without holding all of it. Chunks are joined only
 * when the kept text grows to twice the limit, so a long log costs linear time, not a copy of the
 * whole tail per chunk.
 */
export class OutputTail {
  private text = ''
  constructor(private readonly limit: number) {}
  append(chunk: string): void {
    this.text += chunk
    if (this.text.length > 2 * this.limit) this.text = this.text.slice(-this.limit)
  }
  toString(): string {
    return this.text.slice(-this.limit)
  }
}
