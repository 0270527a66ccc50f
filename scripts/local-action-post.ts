// The post step as @github/local-action runs an entrypoint: through a run() export.
export { post as run } from '../src/build-test-push/post.js'
