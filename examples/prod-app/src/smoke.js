// The image's smoke test (not named *-test.js: node --test would take it for a test file), run in
// its running container: the server answers, in production, started through the entrypoint.
const port = process.env.PORT ?? '8080'
try {
  const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) })
  const { environment, startedBy } = await response.json()
  if (environment !== 'production' || startedBy !== 'entrypoint') {
    console.error(
      `smoke test: the server runs in ${environment}, started by ${startedBy}: expected production, started by the entrypoint`
    )
    process.exit(1)
  }
  console.log('smoke test: the server answers, in production, started by its entrypoint')
} catch (error) {
  console.error(`smoke test: ${error.message}`)
  process.exit(1)
}
