// The bench's reference promote: CommonJS on node:http, HEAD target ∥ GET source, then PUT, basic auth
// sent at once. No caps, retries, masking or records: the floor a Node process can reach here.
'use strict'
const http = require('node:http')
const { appendFileSync } = require('node:fs')

const { INPUT_IMAGE: image, INPUT_SOURCE: source, INPUT_TARGET: target } = process.env
const [host, ...path] = image.split('/')
const [hostname, port] = host.split(':')
const basic = Buffer.from(`${process.env.INPUT_USERNAME}:${process.env.INPUT_PASSWORD}`)
const agent = new http.Agent({ keepAlive: true })
const ACCEPT =
  'application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,' +
  'application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.docker.distribution.manifest.v2+json'

function manifest(method, reference, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname,
        port,
        agent,
        method,
        path: `/v2/${path.join('/')}/manifests/${reference}`,
        headers: { authorization: `Basic ${basic.toString('base64')}`, accept: ACCEPT, ...headers }
      },
      (response) => {
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }))
      }
    )
    request.on('error', reject)
    request.end(body)
  })
}

async function main() {
  const [before, got] = await Promise.all([manifest('HEAD', target), manifest('GET', source)])
  if (got.response.statusCode !== 200) throw new Error(`GET ${source}: ${got.response.statusCode}`)
  const digest = got.response.headers['docker-content-digest']
  if (before.response.headers['docker-content-digest'] !== digest) {
    const contentType = got.response.headers['content-type']
    const put = await manifest('PUT', target, { 'content-type': contentType }, got.body)
    if (put.response.statusCode !== 201)
      throw new Error(`PUT ${target}: ${put.response.statusCode}`)
  }
  appendFileSync(process.env.GITHUB_OUTPUT, `digest=${digest}\n`)
  console.log(`${target}: ${image}@${digest}`)
  agent.destroy()
}

main().catch((error) => {
  console.log(`::error::${error.message}`)
  process.exitCode = 1
})
