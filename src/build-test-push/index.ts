import { isPost } from '../state.js'
import { run } from './main.js'
import { post } from './post.js'

await (isPost ? post() : run())
