import { isPost } from '../state.js'
import { run } from './main.js'
import { post } from './post.js'

void (isPost ? post() : run())
