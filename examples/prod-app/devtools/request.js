// A test-only helper, as a dev dependency would be: GETs a path and parses the JSON answer.
// It reaches the test stage only; the shipped image leaves it out.

export async function getJson(port, path) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`)
  return { status: response.status, body: await response.json() }
}
