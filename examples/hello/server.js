// Starts the service. As PID 1 Node ignores SIGTERM unless told, so `docker stop` would wait.
import { createApp } from './app.js'

const port = Number(process.env.PORT ?? 8080)
const server = createApp().listen(port, () => console.log(`hello listening on :${port}`))
process.on('SIGTERM', () => server.close())
