/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./src/fs-calls.ts
// node:fs's callback calls as promises. node:fs/promises costs a step about 2.5 ms to load (it
// brings readline and the REPL's history with it), and most steps only stat or read a file or two.

function statOf(path) {
    return new Promise((resolve, reject) => {
        (0,external_node_fs_namespaceObject.stat)(path, (error, stats) => {
            if (error === null)
                resolve(stats);
            else
                reject(error);
        });
    });
}
function textOf(path) {
    return new Promise((resolve, reject) => {
        (0,external_node_fs_namespaceObject.readFile)(path, 'utf8', (error, text) => {
            if (error === null)
                resolve(text);
            else
                reject(error);
        });
    });
}
function appendText(path, text) {
    return new Promise((resolve, reject) => {
        (0,external_node_fs_namespaceObject.appendFile)(path, text, { encoding: 'utf8' }, (error) => {
            if (error === null)
                resolve();
            else
                reject(error);
        });
    });
}
/** Whether the process may use the file as `mode` (fs.constants.X_OK and the like) says. */
function mayAccess(path, mode) {
    return new Promise((resolve) => {
        access(path, mode, (error) => {
            resolve(error === null);
        });
    });
}

;// CONCATENATED MODULE: ./src/runner/core.ts
// The runner's protocol as @actions/core speaks it: inputs, workflow commands, file commands, summary.
// Ours because @actions/core imports its OIDC client at load time, and with it @actions/http-client
// and undici: most of every bundle's start-up, for a token no step of ours asks for.



/** A value as the runner reads it: text as is, nothing as '', anything else as JSON. */
function commandValue(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** `::name key=value,…::message` on a line of its own, escaped as the runner unescapes it. */
function workflowCommand(name, properties, message) {
    const given = Object.entries(properties).filter(([, value]) => value !== '');
    const props = given.length === 0
        ? ''
        : ` ${given.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}`;
    return `::${name}${props}::${escapeData(commandValue(message))}`;
}
function issue(name, message, properties = {}) {
    process.stdout.write(workflowCommand(name, properties, message) + external_node_os_namespaceObject.EOL);
}
/** `name<<delimiter` block, the delimiter random so that no value can end it early. */
function keyValueBlock(name, value) {
    // node:crypto is loaded when first needed: importing it costs every action's start about 10 ms.
    const delimiter = `ghadelimiter_${process.getBuiltinModule('node:crypto').randomUUID()}`;
    const text = commandValue(value);
    if (name.includes(delimiter) || text.includes(delimiter)) {
        throw new Error(`Unexpected input: '${name}' or its value contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}`;
}
/** Appends to the file the runner named in GITHUB_<command>; false when it named none. */
function fileCommand(command, name, value) {
    const path = process.env[`GITHUB_${command}`] ?? '';
    if (path === '')
        return false;
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${keyValueBlock(name, value)}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
    return true;
}
/** The input as the runner passed it (INPUT_<NAME>, spaces as underscores), trimmed unless told not to. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    return options.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
    if (fileCommand('OUTPUT', name, value))
        return;
    process.stdout.write(external_node_os_namespaceObject.EOL);
    issue('set-output', value, { name });
}
/** Kept for the post step, which reads it back with getState. */
function saveState(name, value) {
    if (!fileCommand('STATE', name, value))
        issue('save-state', value, { name });
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function setSecret(secret) {
    issue('add-mask', secret);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', message);
}
function warning(message) {
    issue('warning', message);
}
function core_error(message) {
    issue('error', message);
}
/** Logs the error and fails the step once the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    core_error(message);
}
/** Runs `body` inside a foldable log group, which ends however the body ends. */
async function group(name, body) {
    issue('group', name);
    try {
        return await body();
    }
    finally {
        issue('endgroup', '');
    }
}
/** Appends Markdown and a line break to the step's summary (GITHUB_STEP_SUMMARY). */
async function appendJobSummary(markdown) {
    const path = process.env.GITHUB_STEP_SUMMARY ?? '';
    if (path === '') {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    }
    await appendText(path, markdown + external_node_os_namespaceObject.EOL);
}

;// CONCATENATED MODULE: ./src/errors.ts
// Error types shared by every action, and the one way to turn a thrown value into a message.
/**
 * The base of every failure the user can act on (a bad input, a wrong password, failed tests, a
 * registry's refusal): reported as its one-line message, never with a stack trace. Anything else
 * thrown is a bug.
 */
class errors_ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
    }
}
/** A user mistake in an input: one line naming the input. */
class errors_InputError extends errors_ActionError {
    input;
    constructor(input, problem) {
        super(`Input '${input}': ${problem}`);
        this.input = input;
        this.name = 'InputError';
    }
}
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    return String(error);
}
/** The thrown value itself when it is an Error; anything else thrown wrapped in one. */
function asError(error) {
    return error instanceof Error ? error : new Error(getErrorMessage(error));
}
/** Errors we anticipated are the whole story; a bug keeps its stack for the debug log. */
function isExpected(error) {
    return error instanceof errors_ActionError;
}

;// CONCATENATED MODULE: ./src/fail-step.ts
// The one top-level catch: any thrown value becomes one `::error::` line that fails the step.


function failStep(error) {
    // An ActionError is the whole story; a bug keeps its stack, but only in the debug log.
    if (!isExpected(error) && error instanceof Error && error.stack !== undefined) {
        debug(error.stack);
    }
    setFailed(getErrorMessage(error));
}

;// CONCATENATED MODULE: ./src/github/context.ts
// The facts of the workflow run the actions need, read from the runner's environment and event.

function readEventPayload(path) {
    if (path === undefined || path === '')
        return {};
    try {
        return JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function runContext(env = process.env) {
    const payload = readEventPayload(env.GITHUB_EVENT_PATH);
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repositoryUrl = `${serverUrl}/${owner}/${repo}`;
    return {
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        eventSha: env.GITHUB_SHA ?? '',
        eventCommitTime: payload.head_commit?.timestamp ?? undefined,
        pullRequest: pullRequestFacts(payload),
        serverUrl,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        repositoryUrl,
        runUrl: `${repositoryUrl}/actions/runs/${env.GITHUB_RUN_ID ?? ''}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`,
        actor: env.GITHUB_ACTOR ?? ''
    };
}
function pullRequestFacts(payload) {
    const pr = payload.pull_request;
    if (pr?.number === undefined || pr.head?.sha === undefined)
        return undefined;
    const headRepo = pr.head.repo?.full_name;
    const baseRepo = pr.base?.repo?.full_name;
    return {
        number: pr.number,
        headSha: pr.head.sha,
        headRef: pr.head.ref ?? '',
        fromFork: pr.head.repo?.fork === true ||
            (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo)
    };
}

;// CONCATENATED MODULE: ./src/log/untrusted-text.ts
// One untrusted value (a GitHub answer, a registry's digest, a deployment payload) made inert for a log line.
const DEFAULT_MAX_CHARS = 200;
/** C0 and C1 controls, DEL and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * The value on one line, at most `maxChars` characters of it, that the runner cannot read as a
 * workflow command: it reads `::name::` at the start of a line (after whitespace) and the legacy
 * `##[name]` anywhere in one. Backslashes are doubled so every escape is unambiguous.
 */
function untrustedText(value, maxChars = DEFAULT_MAX_CHARS) {
    const characters = Array.from(String(value));
    const capped = characters.length > maxChars ? `${characters.slice(0, maxChars).join('')}…` : String(value);
    const escaped = capped
        .replace(/\\/g, '\\\\')
        .replace(CONTROL, (char) => NAMED_ESCAPES[char] ?? `\\u${hex4(char)}`)
        .replace(/##\[/g, '##\\[');
    return /^\s*:/.test(escaped) ? `\\${escaped}` : escaped;
}
function hex4(char) {
    return (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
}

;// CONCATENATED MODULE: ./src/retry.ts
// The one retry loop for registry and GitHub calls: jittered backoff, Retry-After, a cap on waiting.
const retry_STOP = { retry: false };
const retry_BACK_OFF = { retry: true };
const retry_sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header, now = Date.now()) {
    if (header === null || header === undefined || header.trim() === '')
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Jitter in the upper half of an exponential bound, so parallel clients spread out. */
function backoffMs(attempt, policy, random = Math.random) {
    const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.round(bound / 2 + (random() * bound) / 2);
}
/** The `code` of an error or of any error in its `cause` chain (ECONNREFUSED, ENOTFOUND…). */
function errorCode(error) {
    for (let current = error, depth = 0; depth < 5; depth++) {
        if (typeof current !== 'object' || current === null)
            return undefined;
        const { code, cause } = current;
        if (typeof code === 'string')
            return code;
        current = cause;
    }
    return undefined;
}
/**
 * Network failures that happen before a request leaves this machine: the server cannot have acted
 * on it, so even a call that creates something may be sent again.
 */
function retry_failedBeforeSending(error) {
    const code = errorCode(error);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
/**
 * Runs `call` until `judge` says stop or the attempts run out. A value judged worth retrying is
 * returned as it is after the last attempt (the caller reports it); an error is thrown.
 */
async function retry_withRetry(call, judge, policy, sleep = retry_sleepFor) {
    for (let attempt = 0;; attempt++) {
        let outcome;
        try {
            outcome = { ok: true, value: await call() };
        }
        catch (error) {
            outcome = { ok: false, error };
        }
        const verdict = judge(outcome);
        const wait = verdict.retry ? (verdict.afterMs ?? backoffMs(attempt, policy)) : undefined;
        const giveUp = wait === undefined || wait > policy.maxWaitMs || attempt >= policy.attempts - 1;
        if (giveUp) {
            if (outcome.ok)
                return outcome.value;
            throw outcome.error;
        }
        await sleep(wait);
    }
}

;// CONCATENATED MODULE: ./src/github/retry.ts
// Which GitHub API failures are worth another attempt, on the shared retry loop.

const DEFAULT_GITHUB_RETRY = {
    attempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 16_000,
    maxWaitMs: 60_000
};
/**
 * GitHub refused the call before acting on it: a rate limit (primary, with its reset time, or
 * secondary, with Retry-After). Waiting is the fix, and nothing was created.
 */
function rateLimitWait(error, now) {
    const { status, response } = (error ?? {});
    const headers = response?.headers ?? {};
    const retryAfter = retryAfterMs(headers['retry-after'], now);
    if (retryAfter !== undefined && (status === 403 || status === 429 || status === 503)) {
        return retryAfter;
    }
    if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(headers['x-ratelimit-reset'] ?? 0) * 1000;
        return Math.max(0, reset - now) + 1000;
    }
    return undefined;
}
/** For reads and updates, which may be repeated: rate limits, server errors, network failures. */
function readVerdict(error, now = Date.now()) {
    const wait = rateLimitWait(error, now);
    if (wait !== undefined)
        return { retry: true, afterMs: wait };
    const { status, response } = (error ?? {});
    if (status !== undefined && status < 500 && status !== 429)
        return retry_STOP;
    const asked = retryAfterMs(response?.headers?.['retry-after'], now);
    return asked === undefined ? retry_BACK_OFF : { retry: true, afterMs: asked };
}
/**
 * For a call that creates something (a deployment): a 500, a reset or a timeout may come after
 * GitHub created it, and another attempt would make a duplicate. Retried only when the failure
 * proves nothing was created: a rate limit, or a connection that never left this machine.
 */
function createVerdict(error, now = Date.now()) {
    const wait = rateLimitWait(error, now);
    if (wait !== undefined)
        return { retry: true, afterMs: wait };
    return failedBeforeSending(error) ? BACK_OFF : STOP;
}
function judged(verdict) {
    return (outcome) => (outcome.ok ? retry_STOP : verdict(outcome.error));
}
/** A read or an update, retried through rate limits, server errors and network failures. */
function withGitHubRetry(call, policy = DEFAULT_GITHUB_RETRY, sleep = retry_sleepFor) {
    return retry_withRetry(call, judged(readVerdict), policy, sleep);
}
/** A call that creates something, retried only when GitHub cannot have acted on it. */
function withGitHubCreateRetry(call, policy = DEFAULT_GITHUB_RETRY, sleep = sleepFor) {
    return withRetry(call, judged(createVerdict), policy, sleep);
}

;// CONCATENATED MODULE: ./src/github/comment-thread.ts

/** The identity behind the workflow's GITHUB_TOKEN on github.com. */
const WORKFLOW_TOKEN_IDENTITY = { login: 'github-actions[bot]', id: 41898282 };
function threadComment(comment) {
    return {
        id: comment.id,
        url: comment.html_url,
        body: comment.body ?? '',
        author: comment.user === null ? undefined : { login: comment.user.login, id: comment.user.id }
    };
}
/**
 * Reads and writes are retried: a comment a repeated create leaves twice is settled afterwards
 * (see settleRace). A delete is best effort.
 */
function octokitCommentThread(octokit, thread) {
    const repository = { owner: thread.owner, repo: thread.repo };
    return {
        identity: () => tokenIdentity(octokit),
        list: () => withGitHubRetry(async () => {
            const comments = [];
            const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
                ...repository,
                issue_number: thread.issueNumber,
                per_page: 100
            });
            for await (const page of pages)
                comments.push(...page.data.map(threadComment));
            return comments;
        }),
        create: async (body) => {
            const { data } = await withGitHubRetry(() => octokit.rest.issues.createComment({ ...repository, issue_number: thread.issueNumber, body }));
            return threadComment(data);
        },
        update: async (id, body) => {
            const { data } = await withGitHubRetry(() => octokit.rest.issues.updateComment({ ...repository, comment_id: id, body }));
            return threadComment(data);
        },
        remove: async (id) => {
            await octokit.rest.issues
                .deleteComment({ ...repository, comment_id: id })
                .catch(() => undefined);
        }
    };
}
/**
 * GET /user names a person's token. Installation tokens (the workflow's GITHUB_TOKEN, another
 * GitHub App's) are refused it and are taken as github-actions[bot]; another App learns its own
 * name from the comment it creates (see upsertStickyComment).
 */
async function tokenIdentity(octokit) {
    try {
        const { data } = await withGitHubRetry(() => octokit.rest.users.getAuthenticated());
        return { login: data.login, id: data.id };
    }
    catch (error) {
        if (isIntegrationRefusal(error))
            return WORKFLOW_TOKEN_IDENTITY;
        throw error;
    }
}
function isIntegrationRefusal(error) {
    const { status, message } = error;
    return status === 403 && /not accessible by integration/.test(message ?? '');
}

;// CONCATENATED MODULE: ./src/github/octokit.ts
async function createOctokit(token, baseUrl) {
    const github = await __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    return github.getOctokit(token, { baseUrl });
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts
/**
 * A comment is ours when our token wrote it and it opens with our marker. Anyone can post the
 * marker; counting only our own comments keeps a planted one from being edited or deleted.
 */
function isOwnStickyComment(comment, marker, self) {
    return comment.author?.id === self.id && comment.body.startsWith(marker);
}
/** Creates the comment, or updates our own that carries the marker (searching every page). */
async function upsertStickyComment(thread, marker, body) {
    const self = await thread.identity();
    const [existing] = await ownComments(thread, marker, self);
    if (existing !== undefined) {
        const updated = await thread.update(existing, body);
        return { id: updated.id, url: updated.url, created: false };
    }
    const created = await thread.create(body);
    // The comment we wrote names who we are: another App's token is not the bot we assumed, and
    // settling with its true name finds the comment it left on an earlier run.
    const author = created.author ?? self;
    return ((await settleRace(thread, marker, body, author)) ?? {
        id: created.id,
        url: created.url,
        created: true
    });
}
/**
 * Two runs on one pull request can both find no comment and both create one. Whoever looks
 * afterwards keeps our oldest, gives it the newest body and deletes our others: both runs agree.
 */
async function settleRace(thread, marker, body, self) {
    const [keep, ...duplicates] = await ownComments(thread, marker, self);
    if (keep === undefined || duplicates.length === 0)
        return undefined;
    for (const duplicate of duplicates)
        await thread.remove(duplicate);
    const updated = await thread.update(keep, body);
    return { id: updated.id, url: updated.url, created: false };
}
/** The ids of our own comments carrying the marker, oldest first. */
async function ownComments(thread, marker, self) {
    const comments = await thread.list();
    return comments
        .filter((comment) => isOwnStickyComment(comment, marker, self))
        .map((comment) => comment.id)
        .sort((a, b) => a - b);
}

;// CONCATENATED MODULE: ./src/github/pull-request-comment.ts
// Writes an action's sticky comment on the run's pull request; a refusal is a warning, not a failure.






/** The comment's URL, or '' when there is no pull request, no token, or GitHub refused. */
async function commentOnPullRequest(run, token, marker, body) {
    if (run.pullRequest === undefined) {
        info('Not a pull request: no comment.');
        return '';
    }
    if (token === '') {
        warning('No github-token: the pull request comment is skipped.');
        return '';
    }
    try {
        const octokit = await createOctokit(token, run.apiUrl);
        const comment = await upsertStickyComment(octokitCommentThread(octokit, {
            owner: run.owner,
            repo: run.repo,
            issueNumber: run.pullRequest.number
        }), marker, body);
        info(`${comment.created ? 'Commented' : 'Updated the comment'} on pull request #${run.pullRequest.number}: ${untrustedText(comment.url)}`);
        return comment.url;
    }
    catch (error) {
        const status = error.status;
        const why = status === 403 && run.pullRequest.fromFork
            ? 'the token of a pull request from a fork is read-only'
            : getErrorMessage(error);
        warning(`Could not comment on pull request #${run.pullRequest.number}: ${why}`);
        return '';
    }
}

;// CONCATENATED MODULE: ./src/registry/body.ts
// Reading a registry's answer with a cap: a hostile registry cannot make us hold more than we chose.
const MiB = 1024 * 1024;
/** The distribution spec lets registries refuse manifests over 4 MiB; we refuse to read more. */
const MANIFEST_BODY_LIMIT = 4 * MiB;
/** Token answers and error bodies are a few hundred bytes; 1 MiB is generous. */
const TOKEN_BODY_LIMIT = MiB;
const ERROR_BODY_LIMIT = MiB;
/**
 * An image config holds labels, environment and one history entry per layer: tens of KiB in
 * practice. No spec sets a limit; 8 MiB leaves room for images with thousands of layers.
 */
const CONFIG_BODY_LIMIT = 8 * MiB;
class BodyTooLargeError extends Error {
    limit;
    constructor(limit, what) {
        super(`${what} is larger than ${formatLimit(limit)}: stopped reading`);
        this.limit = limit;
        this.name = 'BodyTooLargeError';
    }
}
function formatLimit(bytes) {
    return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
/**
 * Reads a body chunk by chunk and gives up as soon as it passes `limit`: `stop` then tears the
 * connection down, so the rest is never received. A Content-Length over the limit fails at once.
 */
async function readCapped(body, declaredLength, limit, what, stop) {
    if (declaredLength !== null && Number(declaredLength) > limit) {
        stop();
        throw new BodyTooLargeError(limit, what);
    }
    const chunks = [];
    let received = 0;
    for await (const chunk of body) {
        received += chunk.byteLength;
        if (received > limit) {
            stop();
            throw new BodyTooLargeError(limit, what);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./src/registry/errors.ts
// A registry failure that keeps where it happened and what the registry itself said.


/** A failure the user can act on, as every registry refusal is: reported without a stack. */
class RegistryError extends errors_ActionError {
    registry;
    repository;
    status;
    code;
    constructor(message, details, options) {
        super(message, options);
        this.name = 'RegistryError';
        this.registry = details.registry;
        this.repository = details.repository;
        this.status = details.status;
        this.code = details.code;
    }
}
/** A RegistryError for one registry and repository, leaving out what is unknown. */
function registryError(registry, repository, message, options = {}) {
    const { status, code, cause } = options;
    return new RegistryError(message, {
        registry,
        repository,
        ...(status === undefined ? {} : { status }),
        ...(code === undefined ? {} : { code })
    }, cause === undefined ? undefined : { cause });
}
// C0 and C1 controls, line and paragraph separators, and bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
/**
 * Text a registry chose (error messages, header values) made safe to put inside a message: one
 * line with runs of control characters folded to a space, then capped and kept from reading as a
 * workflow command, as every untrusted value in a log line is.
 */
function registryText(text) {
    return untrustedText(text.replace(UNPRINTABLE, ' ').replace(/ {2,}/g, ' ').trim());
}
/** Reads the `{"errors":[{"code","message"}]}` body the Distribution spec defines. */
function parseErrorBody(body) {
    try {
        const parsed = JSON.parse(body);
        const first = parsed.errors?.[0];
        const code = typeof first?.code === 'string' ? registryText(first.code) : undefined;
        const message = typeof first?.message === 'string' ? registryText(first.message) : undefined;
        return {
            ...(code === undefined ? {} : { code }),
            ...(message === undefined ? {} : { message })
        };
    }
    catch {
        return {};
    }
}
/** Registries that keep tags immutable refuse a re-tag each in their own way. */
function isImmutableTagRefusal(status, code) {
    return ((status === 400 && code === 'TAG_INVALID') ||
        status === 412 ||
        (status === 403 && code !== 'DENIED' && code !== 'UNAUTHORIZED') ||
        status === 405);
}

;// CONCATENATED MODULE: ./src/registry/digest.ts
// Content digests: the OCI grammar, the algorithms we can check, and checking bytes against one.

// node:crypto takes about 10 ms to load, a tenth of a promotion: it is loaded when first hashed
// with, or by loadHashingWhileWaiting while the first requests are in flight.
const digest_crypto = () => process.getBuiltinModule('node:crypto');
/** Loads node:crypto once the requests already started are on their way, before their answers. */
function loadHashingWhileWaiting() {
    setImmediate(digest_crypto);
}
/** `algorithm:encoded` as the OCI image spec writes it, before any algorithm is known. */
const OCI_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const MAX_DIGEST_LENGTH = 256;
/** The algorithms we can verify, each with its encoding: lower-case hex of the hash's length. */
const ALGORITHMS = {
    sha256: /^[a-f0-9]{64}$/,
    sha512: /^[a-f0-9]{128}$/
};
class DigestError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DigestError';
    }
}
function matchesDigestGrammar(value) {
    return value.length <= MAX_DIGEST_LENGTH && OCI_DIGEST.test(value);
}
function sha256Digest(bytes) {
    return `sha256:${digest_crypto().createHash('sha256').update(bytes).digest('hex')}`;
}
/**
 * A digest someone else wrote (a registry header, a manifest), checked before use: it must follow
 * the grammar and name an algorithm we can verify, with a well-formed encoding.
 */
function parseVerifiableDigest(value, what) {
    if (!matchesDigestGrammar(value)) {
        throw new DigestError(`${what} is not a digest: '${registryText(value)}'`);
    }
    const colon = value.indexOf(':');
    const algorithm = value.slice(0, colon);
    const encoding = ALGORITHMS[algorithm];
    if (encoding === undefined) {
        throw new DigestError(`${what} uses the digest algorithm '${registryText(algorithm)}', which cannot be verified (sha256 and sha512 can)`);
    }
    if (!encoding.test(value.slice(colon + 1))) {
        throw new DigestError(`${what} is not a valid ${algorithm} digest: '${registryText(value)}'`);
    }
    return value;
}
/** True when the bytes hash to the digest under the algorithm the digest names. */
function bytesMatchDigest(bytes, digest, what) {
    const verified = parseVerifiableDigest(digest, what);
    const colon = verified.indexOf(':');
    const algorithm = verified.slice(0, colon);
    return digest_crypto().createHash(algorithm).update(bytes).digest('hex') === verified.slice(colon + 1);
}

;// CONCATENATED MODULE: ./src/registry/media-types.ts
// The manifest media types a registry may hold under a tag.
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const MANIFEST_MEDIA_TYPES = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST];
const ACCEPT_MANIFESTS = MANIFEST_MEDIA_TYPES.join(', ');
/** An image index (OCI) or manifest list (Docker): a manifest that lists manifests. */
function isIndexMediaType(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

;// CONCATENATED MODULE: ./src/registry/reference.ts
// Image references in Docker's grammar: registry host, repository path, tag and digest.
const DOCKER_HUB = 'docker.io';
class reference_InvalidReferenceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidReferenceError';
    }
}
const DOMAIN_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]{1,5})?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const MAX_NAME_LENGTH = 255;
function isTag(value) {
    return TAG.test(value);
}
function isDigest(value) {
    return DIGEST.test(value);
}
function reference_parseTag(value) {
    if (!isTag(value)) {
        throw new reference_InvalidReferenceError(`'${value}' is not a valid tag (letters, digits, '_', '.', '-'; up to 128; not starting with '.' or '-')`);
    }
    return value;
}
function reference_parseDigest(value) {
    if (!isDigest(value)) {
        throw new reference_InvalidReferenceError(`'${value}' is not a valid digest (expected sha256: and 64 lower-case hex digits)`);
    }
    return value;
}
/** A repository without tag or digest, as the `image` input takes it. */
function parseRepository(value) {
    const reference = reference_parseReference(value);
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw new reference_InvalidReferenceError(`'${value}' must name a repository without a tag or digest (e.g. ghcr.io/acme/web)`);
    }
    return reference.repository;
}
/** `[registry/]path[:tag][@digest]`, with Docker Hub's `docker.io` and `library/` defaults. */
function reference_parseReference(value) {
    if (value === '')
        throw new reference_InvalidReferenceError('the image reference is empty');
    if (/\s/.test(value)) {
        throw new reference_InvalidReferenceError(`'${value}' contains white space`);
    }
    let rest = value;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = reference_parseDigest(rest.slice(at + 1));
        rest = rest.slice(0, at);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon !== -1) {
        tag = reference_parseTag(rest.slice(colon + 1));
        rest = rest.slice(0, colon);
    }
    const repository = splitRepository(value, rest);
    return {
        repository,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest })
    };
}
function splitRepository(original, name) {
    if (name.length > MAX_NAME_LENGTH) {
        throw new reference_InvalidReferenceError(`'${original}' is longer than ${MAX_NAME_LENGTH} characters`);
    }
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const namesRegistry = slash !== -1 &&
        (first.includes('.') ||
            first.includes(':') ||
            first === 'localhost' ||
            first !== first.toLowerCase());
    const registry = namesRegistry ? first : DOCKER_HUB;
    let path = namesRegistry ? name.slice(slash + 1) : name;
    if (namesRegistry && !DOMAIN.test(registry)) {
        throw new reference_InvalidReferenceError(`'${original}' has an invalid registry host '${registry}'`);
    }
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT.test(component)) {
            throw new reference_InvalidReferenceError(`'${original}' is not a valid image name: '${component}' must be lower-case letters and digits, separated by '.', '_', '__' or '-'`);
        }
    }
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    return { registry, path };
}
/** The name Docker prints: `ghcr.io/acme/web`, `docker.io/library/nginx`. */
function reference_repositoryName(repository) {
    return `${repository.registry}/${repository.path}`;
}
function formatReference(reference) {
    const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
    const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
    return `${reference_repositoryName(reference.repository)}${tag}${digest}`;
}
function reference_sameRepository(a, b) {
    return a.registry === b.registry && a.path === b.path;
}
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
/** Docker speaks plain HTTP to registries on loopback and HTTPS to every other. */
function registryBaseUrl(registry) {
    if (registry === DOCKER_HUB)
        return 'https://registry-1.docker.io';
    return `${LOOPBACK.test(registry) ? 'http' : 'https'}://${registry}`;
}

;// CONCATENATED MODULE: ./src/registry/repository.ts

class ImageRepository {
    client;
    image;
    name;
    constructor(client, image) {
        this.client = client;
        this.image = image;
        this.name = reference_repositoryName(image);
    }
    resolve(reference) {
        return this.client.resolve(this.image.path, reference);
    }
    fetch(reference) {
        return this.client.fetch(this.image.path, reference);
    }
    put(tag, manifest) {
        return this.client.put(this.image.path, tag, manifest);
    }
    /** Requests sent, tokens included, for logs and benchmarks. */
    get requestCount() {
        return this.client.requestCount;
    }
}

;// CONCATENATED MODULE: ./src/registry/wire.ts
class TimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
const clients = new Map();
/**
 * node:http and node:https are loaded when a request first needs them (https brings in TLS), and
 * each keeps one keep-alive agent, so a run opens one connection per registry, not per request.
 */
function clientFor(protocol) {
    let client = clients.get(protocol);
    if (client === undefined) {
        client =
            protocol === 'https:'
                ? Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)).then((https) => ({
                    open: https.request,
                    agent: new https.Agent({ keepAlive: true })
                }))
                : Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23)).then((http) => ({
                    open: http.request,
                    agent: new http.Agent({ keepAlive: true })
                }));
        clients.set(protocol, client);
    }
    return client;
}
/** Sends the request and resolves with the answer's head; a socket the server dropped is retried once. */
async function exchange(request) {
    const client = await clientFor(request.url.protocol);
    try {
        return await exchangeOnce(client, request);
    }
    catch (error) {
        // A kept-alive socket the server closed just as we reused it: Node's documented race.
        if (!(error instanceof StaleSocketError))
            throw error;
        return exchangeOnce(client, request);
    }
}
class StaleSocketError extends Error {
}
function exchangeOnce(client, request) {
    return new Promise((resolve, reject) => {
        const headers = { ...request.headers };
        if (request.body !== undefined)
            headers['content-length'] = String(request.body.length);
        const outgoing = client.open(request.url, {
            method: request.method,
            headers,
            agent: client.agent
        });
        let answer;
        const timer = setTimeout(() => {
            const error = new TimeoutError(`no answer within ${request.timeoutMs} ms`);
            answer?.destroy(error);
            outgoing.destroy(error);
        }, request.timeoutMs);
        outgoing.on('error', (error) => {
            clearTimeout(timer);
            if (answer !== undefined)
                return;
            const stale = outgoing.reusedSocket && error.code === 'ECONNRESET';
            reject(stale ? new StaleSocketError(error.message) : error);
        });
        outgoing.on('response', (incoming) => {
            answer = incoming;
            incoming.on('error', () => {
                clearTimeout(timer);
            });
            resolve({
                status: incoming.statusCode ?? 0,
                headers: headerReader(incoming.headers),
                body: incoming,
                abort: () => {
                    clearTimeout(timer);
                    outgoing.destroy();
                },
                done: () => {
                    clearTimeout(timer);
                }
            });
        });
        outgoing.end(request.body);
    });
}
function headerReader(raw) {
    return {
        get(name) {
            const value = raw[name.toLowerCase()];
            if (value === undefined)
                return null;
            return Array.isArray(value) ? value.join(', ') : value;
        }
    };
}

;// CONCATENATED MODULE: ./src/registry/http.ts
// HTTP for the registry client: a timeout on every request, capped bodies, the shared retry loop.




/** IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS shortens the per-request timeout (fault tests use it). */
function timeoutFromEnv(fallback) {
    const value = Number(process.env.IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS);
    return Number.isInteger(value) && value > 0 ? value : fallback;
}
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxWaitMs: 60_000,
    timeoutMs: timeoutFromEnv(30_000)
};
/** A failure that another attempt cannot fix: not retried. */
class RefusedAnswerError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RefusedAnswerError';
    }
}
const MAX_REDIRECTS = 5;
class TransportError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'TransportError';
    }
}
function isTransient(status) {
    return status === 429 || status === 408 || status >= 500;
}
/**
 * Every registry call is a read or a PUT of the same bytes, so repeating one is safe: 408, 429,
 * 5xx and network failures are retried. A body over its cap is not: it would be as large again.
 */
function registryVerdict(outcome) {
    if (!outcome.ok) {
        const final = outcome.error instanceof BodyTooLargeError || outcome.error instanceof RefusedAnswerError;
        return final ? retry_STOP : retry_BACK_OFF;
    }
    if (!isTransient(outcome.value.status))
        return retry_STOP;
    const asked = retryAfterMs(outcome.value.headers.get('retry-after'));
    return asked === undefined ? retry_BACK_OFF : { retry: true, afterMs: asked };
}
/** Sends a request through the retry policy; returns the last response, or throws TransportError. */
async function send(request, policy = DEFAULT_RETRY, sleep = retry_sleepFor) {
    try {
        return await retry_withRetry(() => sendOnce(request, policy.timeoutMs), registryVerdict, policy, sleep);
    }
    catch (error) {
        if (error instanceof BodyTooLargeError || error instanceof RefusedAnswerError)
            throw error;
        throw describeTransportError(request, error, policy.attempts);
    }
}
async function sendOnce(request, timeoutMs, hops = 0) {
    const response = await exchange({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers ?? {},
        body: request.body === undefined ? undefined : Buffer.from(request.body),
        timeoutMs
    });
    const location = response.headers.get('location');
    if (isRedirect(response.status) && location !== null) {
        response.abort();
        return sendOnce(redirected(request, location, hops), timeoutMs, hops + 1);
    }
    const ok = response.status >= 200 && response.status < 300;
    let body;
    try {
        body = await readCapped(response.body, 
        // A HEAD answer's Content-Length is the size of what a GET would send: no body follows.
        request.method === 'HEAD' ? null : response.headers.get('content-length'), ok ? request.bodyLimit : ERROR_BODY_LIMIT, ok ? request.what : `the error answer to ${request.method} ${new URL(request.url).host}`, () => {
            response.abort();
        });
    }
    finally {
        response.done();
    }
    return { status: response.status, headers: response.headers, body };
}
function isRedirect(status) {
    return [301, 302, 303, 307, 308].includes(status);
}
/** The next hop of a checked redirect, without our Authorization when it leaves the origin. */
function redirected(request, location, hops) {
    const from = new URL(request.url);
    const target = new URL(location, from);
    const refusal = hops >= MAX_REDIRECTS ? `more than ${MAX_REDIRECTS} redirects` : request.checkRedirect?.(target);
    if (refusal !== undefined) {
        throw new RefusedAnswerError(`${from.host} redirected ${request.method} to '${registryText(target.href)}', which is refused: ${refusal}`);
    }
    const headers = { ...request.headers };
    if (target.origin !== from.origin)
        delete headers.authorization;
    return { ...request, url: target.href, headers };
}
function describeTransportError(request, error, attempts) {
    const host = new URL(request.url).host;
    const cause = error instanceof Error ? error : new Error(String(error));
    const reason = cause.name === 'TimeoutError'
        ? 'timed out'
        : (cause.code ?? cause.message);
    return new TransportError(`${request.method} ${host} failed after ${attempts} attempts: ${reason}`, {
        cause
    });
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// Registry authentication: answers a WWW-Authenticate challenge with Basic or a Bearer token.


/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values may hold commas). */
function parseChallenge(header) {
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (match === null)
        return undefined;
    const scheme = (match[1] ?? '').toLowerCase();
    if (scheme !== 'basic' && scheme !== 'bearer')
        return undefined;
    const params = {};
    const pattern = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const param of (match[2] ?? '').matchAll(pattern)) {
        const key = (param[1] ?? '').toLowerCase();
        params[key] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme, params };
}
class AuthenticationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AuthenticationError';
    }
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** Fetches a Bearer token for the given scopes from the challenge's realm. */
async function fetchToken(challenge, scopes, credentials, policy, checkRedirect) {
    const realm = challenge.params.realm;
    if (realm === undefined)
        throw new AuthenticationError('the registry sent a Bearer challenge without a realm');
    const url = new URL(realm);
    if (challenge.params.service !== undefined)
        url.searchParams.set('service', challenge.params.service);
    for (const scope of scopes)
        url.searchParams.append('scope', scope);
    const headers = {};
    if (credentials !== undefined)
        headers.authorization = basic(credentials);
    const response = await send({
        method: 'GET',
        url: url.toString(),
        headers,
        bodyLimit: TOKEN_BODY_LIMIT,
        what: `the answer of the token service at ${url.host}`,
        checkRedirect
    }, policy);
    if (response.status === 401 || response.status === 403) {
        throw new AuthenticationError(credentials === undefined
            ? 'the registry refused anonymous access'
            : `the registry refused the credentials of '${credentials.username}'`);
    }
    if (response.status !== 200) {
        throw new AuthenticationError(`the token service at ${url.host} answered ${response.status}`);
    }
    let body;
    try {
        body = JSON.parse(response.body.toString('utf8'));
    }
    catch {
        throw new AuthenticationError(`the token service at ${url.host} did not answer with JSON`);
    }
    const token = body.token ?? body.access_token;
    // A token is put in a header as it is: white space or control characters mean it is not one.
    // eslint-disable-next-line no-control-regex
    if (typeof token !== 'string' || token === '' || /[\s\u0000-\u001f\u007f]/.test(token)) {
        throw new AuthenticationError(`the token service at ${url.host} returned no token`);
    }
    return token;
}
/** The Authorization header value that answers a challenge; undefined for anonymous Basic. */
async function authorizationFor(challenge, scopes, credentials, policy, checkRedirect) {
    if (challenge.scheme === 'basic') {
        if (credentials === undefined) {
            throw new AuthenticationError('the registry requires a username and password');
        }
        return basic(credentials);
    }
    return `Bearer ${await fetchToken(challenge, scopes, credentials, policy, checkRedirect)}`;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/registry/realm.ts
// Where a registry may send us for a token: the realm policy that keeps credentials at home.

function blockList(subnets) {
    const list = new external_node_net_.BlockList();
    for (const [network, prefix, type] of subnets)
        list.addSubnet(network, prefix, type);
    return list;
}
const realm_LOOPBACK = blockList([
    ['127.0.0.0', 8, 'ipv4'],
    ['0.0.0.0', 32, 'ipv4'],
    ['::1', 128, 'ipv6'],
    ['::', 128, 'ipv6']
]);
const LINK_LOCAL = blockList([
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6']
]);
const PRIVATE = blockList([
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['100.64.0.0', 10, 'ipv4'],
    ['fc00::', 7, 'ipv6']
]);
/** NAT64's well-known prefix: an IPv6-only runner reaches the IPv4 address in the last 32 bits. */
const NAT64 = blockList([['64:ff9b::', 96, 'ipv6']]);
function nat64Target(ipv6) {
    if (!NAT64.check(ipv6, 'ipv6'))
        return undefined;
    const groups = ipv6.split(':');
    const last = groups.at(-1) ?? '';
    if (last.includes('.'))
        return last;
    const high = parseInt(groups.at(-2) || '0', 16);
    const low = parseInt(last || '0', 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
/**
 * Which network a host is on, from its address alone (a NAT64 address by the IPv4 address it
 * reaches). Names other than localhost count as public:
 * resolving them here would not stop a name that resolves differently when the token is fetched.
 */
function neighbourhood(hostname) {
    // A trailing dot names the same host, fully qualified: `localhost.` is loopback too.
    const host = hostname
        .replace(/^\[|\]$/g, '')
        .toLowerCase()
        .replace(/\.+$/, '');
    if (host === 'localhost' || host.endsWith('.localhost'))
        return 'loopback';
    const family = (0,external_node_net_.isIP)(host);
    if (family === 0)
        return 'public';
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const translated = type === 'ipv6' ? nat64Target(host) : undefined;
    if (translated !== undefined)
        return neighbourhood(translated);
    if (realm_LOOPBACK.check(host, type))
        return 'loopback';
    if (LINK_LOCAL.check(host, type))
        return 'link-local';
    if (PRIVATE.check(host, type))
        return 'private';
    return 'public';
}
/**
 * Why the registry at `registryUrl` may not send us to `realm` for a token, or undefined when it
 * may. Credentials travel to a realm only over https, unless the registry and the realm are both
 * on loopback (where Docker speaks plain http too); a realm on loopback, link-local or private addresses is refused
 * unless the registry lives there as well, so a hostile registry cannot aim us at the cloud
 * metadata service or another machine on the runner's network.
 */
function realmRefusal(registryUrl, realm) {
    let target;
    try {
        target = new URL(realm);
    }
    catch {
        return 'it is not a URL';
    }
    const registry = new URL(registryUrl);
    const registryPlace = neighbourhood(registry.hostname);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        return `it uses ${target.protocol.replace(/:$/, '')}, not https`;
    }
    const realmPlace = neighbourhood(target.hostname);
    if (target.protocol === 'http:' && (registryPlace !== 'loopback' || realmPlace !== 'loopback')) {
        return 'it uses plain http: credentials go only over https';
    }
    if (target.username !== '' || target.password !== '')
        return 'it carries credentials of its own';
    if (target.host === registry.host)
        return undefined;
    if (realmPlace !== 'public' && realmPlace !== registryPlace) {
        return `it is on a ${realmPlace} address and the registry is not`;
    }
    return undefined;
}
/**
 * Why a registry may not redirect a request to `target` (a blob to its storage, usually), or
 * undefined when it may. No credentials cross origins on a redirect, so plain http is fine; but a
 * registry cannot aim us at a neighbourhood it is not in, such as the cloud metadata service.
 */
function redirectRefusal(registryUrl, target) {
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        return `it uses ${target.protocol.replace(/:$/, '')}, not http or https`;
    }
    const targetPlace = neighbourhood(target.hostname);
    if (targetPlace !== 'public' && targetPlace !== neighbourhood(new URL(registryUrl).hostname)) {
        return `it is on a ${targetPlace} address and the registry is not`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// The registry transport: answers auth challenges, caches tokens, guards realms, retries, caps bodies.






/** What a registry that took our preemptive Basic credentials is taken to have asked for. */
const BASIC = { scheme: 'basic', params: {} };
/**
 * Basic credentials sent before any challenge, where they may go: over https, or plain http to
 * loopback. A registry that wants a token answers 401 as it would have anyway; one that wants
 * Basic (htpasswd) answers at once, and the run saves the 401 round trip.
 */
function preemptiveAuthorization(baseUrl, credentials) {
    if (credentials === undefined)
        return undefined;
    const url = new URL(baseUrl);
    const safe = url.protocol === 'https:' || neighbourhood(url.hostname) === 'loopback';
    return safe ? basic(credentials) : undefined;
}
class RegistryTransport {
    registry;
    options;
    baseUrl;
    retry;
    challenge;
    authorizations = new Map();
    discovery;
    preemptive;
    /** Requests sent, tokens included, for logs and benchmarks. */
    requestCount = 0;
    constructor(registry, options) {
        this.registry = registry;
        this.options = options;
        this.baseUrl = registryBaseUrl(registry);
        this.retry = options.retry ?? DEFAULT_RETRY;
        this.preemptive = preemptiveAuthorization(this.baseUrl, options.credentials);
    }
    /** An error that names this registry and the repository. */
    error(message, repository, options) {
        return registryError(this.registry, repository, message, options);
    }
    /**
     * Sends with the cached authorization; on a 401 answers the challenge once and resends. Without
     * preemptive credentials the first request to a host discovers its challenge while the others
     * wait, so parallel requests share one 401. With them, most registries answer at once, so
     * parallel requests go together: a token registry answers each with a 401 (in parallel, no
     * longer to wait) and they share one token.
     */
    async request(request) {
        if (this.preemptive !== undefined && this.challenge === undefined) {
            return this.authenticatedRequest(request);
        }
        if (this.discovery !== undefined) {
            await this.discovery;
        }
        else if (this.challenge === undefined) {
            let discovered = () => undefined;
            this.discovery = new Promise((resolve) => (discovered = resolve));
            try {
                return await this.authenticatedRequest(request);
            }
            finally {
                discovered();
            }
        }
        return this.authenticatedRequest(request);
    }
    async authenticatedRequest(request) {
        const { repository } = request;
        const scopes = this.scopesFor(repository);
        const cached = this.challenge === undefined
            ? Promise.resolve(this.preemptive)
            : this.authorization(repository, this.challenge, scopes);
        const sent = await cached;
        let response = await this.sendCounted(request, sent);
        if (response.status !== 401) {
            if (sent !== undefined)
                this.challenge ??= BASIC;
            return response;
        }
        const header = response.headers.get('www-authenticate');
        const challenge = header === null ? undefined : parseChallenge(header);
        if (challenge === undefined) {
            throw this.error(`authentication failed for registry ${this.registry}`, repository, {
                status: 401,
                code: 'UNAUTHORIZED'
            });
        }
        // A 401 despite a cached token means it expired: fetch a fresh one, once (unless a parallel
        // request has already replaced it).
        const key = scopes.join(' ');
        if (this.authorizations.get(key) === cached)
            this.authorizations.delete(key);
        this.challenge = challenge;
        const answer = await this.authorization(repository, challenge, scopes);
        // The same credentials again would be refused again.
        if (answer !== sent)
            response = await this.sendCounted(request, answer);
        if (response.status === 401) {
            const { credentials } = this.options;
            throw this.error(`authentication failed for registry ${this.registry}${credentials === undefined ? ' (no credentials given)' : ` as '${credentials.username}'`}`, repository, { status: 401, code: parseErrorBody(response.body.toString('utf8')).code });
        }
        return response;
    }
    scopesFor(repository) {
        return [`repository:${repository}:${this.options.access === 'push' ? 'pull,push' : 'pull'}`];
    }
    /**
     * One authorization per scope, shared by every request that needs it, fetched once. A refusal
     * stays too: the same credentials would be refused again, so requests sent in parallel learn it
     * from the one answer instead of each asking the token service.
     */
    authorization(repository, challenge, scopes) {
        const key = scopes.join(' ');
        const known = this.authorizations.get(key);
        if (known !== undefined)
            return known;
        const pending = this.authorize(repository, challenge, scopes);
        this.authorizations.set(key, pending);
        return pending;
    }
    async authorize(repository, challenge, scopes) {
        const realm = challenge.params.realm;
        if (challenge.scheme === 'bearer' && realm !== undefined) {
            const refusal = realmRefusal(this.baseUrl, realm);
            if (refusal !== undefined) {
                throw this.error(`registry ${this.registry} sent us to the token realm '${registryText(realm)}', which is refused: ${refusal}`, repository, { status: 401 });
            }
        }
        try {
            if (challenge.scheme === 'bearer')
                this.requestCount++;
            return await authorizationFor(challenge, scopes, this.options.credentials, this.retry, (target) => realmRefusal(this.baseUrl, target.href));
        }
        catch (error) {
            if (error instanceof AuthenticationError) {
                throw this.error(`authentication failed for registry ${this.registry}: ${error.message}`, repository, { status: 401 });
            }
            throw this.wrapped(error, repository);
        }
    }
    async sendCounted(request, authorization) {
        this.requestCount++;
        const { repository, path, ...rest } = request;
        try {
            return await send({
                ...rest,
                url: `${this.baseUrl}/v2/${repository}/${path}`,
                headers: { ...rest.headers, ...(authorization === undefined ? {} : { authorization }) },
                checkRedirect: (target) => redirectRefusal(this.baseUrl, target)
            }, this.retry);
        }
        catch (error) {
            throw this.wrapped(error, repository);
        }
    }
    wrapped(error, repository) {
        if (error instanceof TransportError) {
            return this.error(`registry ${this.registry} unreachable: ${error.message}`, repository, {
                cause: error
            });
        }
        if (error instanceof BodyTooLargeError || error instanceof RefusedAnswerError) {
            return this.error(`registry ${this.registry}: ${error.message}`, repository, { cause: error });
        }
        return error;
    }
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// Manifest and blob operations on a registry: resolve, fetch, put, read a blob; auth stays below.








class RegistryClient {
    registry;
    /** Shared with the operations kept in modules of their own (referrers, blob uploads). */
    transport;
    constructor(registry, options) {
        this.registry = registry;
        this.transport = new RegistryTransport(registry, options);
    }
    /** Requests sent, tokens included, for logs and benchmarks. */
    get requestCount() {
        return this.transport.requestCount;
    }
    /** This client bound to one repository of its registry, speaking in typed tags and digests. */
    repository(image) {
        if (image.registry !== this.registry) {
            throw new Error(`a client of ${this.registry} cannot reach ${image.registry}/${image.path}`);
        }
        return new ImageRepository(this, image);
    }
    /** HEAD a tag or digest: what it points at, or undefined when the registry has no such manifest. */
    async resolve(repository, reference) {
        const response = await this.transport.request({
            method: 'HEAD',
            repository,
            path: this.manifestPath(repository, reference),
            headers: { accept: ACCEPT_MANIFESTS },
            bodyLimit: MANIFEST_BODY_LIMIT,
            what: `the manifest of ${repository}:${reference}`
        });
        if (response.status === 404)
            return undefined;
        this.expectOk(response, repository, `resolve ${repository}:${reference}`);
        const digest = response.headers.get('docker-content-digest');
        if (digest === null || !isDigest(digest)) {
            // Some registries omit the digest on HEAD; the body tells the truth.
            const manifest = await this.fetch(repository, reference);
            return (manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size });
        }
        return {
            digest,
            mediaType: registryText(contentType(response)),
            size: Number(response.headers.get('content-length') ?? 0)
        };
    }
    /** GET a manifest and verify its bytes against the digest asked for or announced. */
    async fetch(repository, reference) {
        const name = `${repository}${reference.includes(':') ? '@' : ':'}${reference}`;
        const response = await this.transport.request({
            method: 'GET',
            repository,
            path: this.manifestPath(repository, reference),
            headers: { accept: ACCEPT_MANIFESTS },
            bodyLimit: MANIFEST_BODY_LIMIT,
            what: `the manifest of ${name}`
        });
        if (response.status === 404)
            return undefined;
        this.expectOk(response, repository, `fetch ${name}`);
        const announced = response.headers.get('docker-content-digest');
        const expected = reference.includes(':') ? reference : announced;
        if (expected !== null) {
            this.verify(response.body, expected, repository, `the manifest of ${name}`);
        }
        const mediaType = this.mediaTypeOf(response, repository);
        const digest = sha256Digest(response.body);
        return { digest, mediaType, size: response.body.length, bytes: response.body };
    }
    /**
     * PUT the exact bytes of a manifest under a tag; returns the digest the registry stored, which
     * must be the digest of what was sent.
     */
    async put(repository, tag, manifest) {
        const response = await this.transport.request({
            method: 'PUT',
            repository,
            path: this.manifestPath(repository, tag),
            headers: { 'content-type': manifest.mediaType },
            body: manifest.bytes,
            bodyLimit: ERROR_BODY_LIMIT,
            what: `the answer to the put of ${repository}:${tag}`
        });
        if (response.status !== 201 && response.status !== 200) {
            const { code, message } = parseErrorBody(response.body.toString('utf8'));
            if (isImmutableTagRefusal(response.status, code)) {
                throw this.transport.error(`${this.registry} keeps the tag ${repository}:${tag} immutable and refused to move it (${response.status}${code === undefined ? '' : ` ${code}`})`, repository, { status: response.status, code });
            }
            this.expectOk(response, repository, `put ${repository}:${tag}`, message);
        }
        const stored = response.headers.get('docker-content-digest');
        if (stored === null)
            return manifest.digest;
        const what = `the digest ${this.registry} answered for ${repository}:${tag}`;
        if (stored !== manifest.digest &&
            !this.verify(manifest.bytes, stored, repository, what, false)) {
            throw this.transport.error(`registry ${this.registry} stored ${repository}:${tag} as ${registryText(stored)}, but the manifest sent was ${manifest.digest}`, repository);
        }
        return manifest.digest;
    }
    /** GET a blob (an image config) by digest, capped, and verify its bytes against the digest. */
    async fetchBlob(repository, digest, limit = CONFIG_BODY_LIMIT) {
        const what = `the blob ${repository}@${digest}`;
        this.checkDigest(digest, repository, what);
        const response = await this.transport.request({
            method: 'GET',
            repository,
            path: `blobs/${digest}`,
            bodyLimit: limit,
            what: `${what} (at most ${formatLimit(limit)})`
        });
        if (response.status === 404)
            return undefined;
        this.expectOk(response, repository, `fetch ${what}`);
        this.verify(response.body, digest, repository, what);
        return response.body;
    }
    /** A tag, or a digest we can verify: nothing else goes into a URL. */
    manifestPath(repository, reference) {
        if (reference.includes(':')) {
            this.checkDigest(reference, repository, `the reference '${registryText(reference)}'`);
        }
        else if (!isTag(reference)) {
            throw this.transport.error(`'${registryText(reference)}' is neither a tag nor a digest`, repository);
        }
        return `manifests/${reference}`;
    }
    checkDigest(digest, repository, what) {
        try {
            parseVerifiableDigest(digest, what);
        }
        catch (error) {
            if (error instanceof DigestError) {
                throw this.transport.error(`registry ${this.registry}: ${error.message}`, repository);
            }
            throw error;
        }
    }
    /**
     * Whether the bytes match `digest` under the algorithm it names; a mismatch throws unless
     * `mismatchThrows` is false. A malformed digest or an unknown algorithm always throws.
     */
    verify(bytes, digest, repository, what, mismatchThrows = true) {
        this.checkDigest(digest, repository, what);
        const matches = bytesMatchDigest(bytes, digest, what);
        if (!matches && mismatchThrows) {
            throw this.transport.error(`${what} does not match its digest ${digest}`, repository);
        }
        return matches;
    }
    mediaTypeOf(response, repository) {
        const served = contentType(response);
        let declared;
        try {
            declared = JSON.parse(response.body.toString('utf8')).mediaType;
        }
        catch {
            throw this.transport.error(`the manifest from ${repository} is not JSON`, repository);
        }
        if (declared !== undefined && typeof declared !== 'string') {
            throw this.transport.error(`the manifest from ${repository} has a mediaType that is not text`, repository);
        }
        if (declared !== undefined && MANIFEST_MEDIA_TYPES.includes(served) && declared !== served) {
            throw this.transport.error(`the manifest from ${repository} says ${registryText(declared)} but was served as ${served}`, repository);
        }
        const mediaType = declared ?? served;
        if (!MANIFEST_MEDIA_TYPES.includes(mediaType)) {
            throw this.transport.error(`the manifest from ${repository} has an unsupported media type '${registryText(mediaType)}'`, repository);
        }
        return mediaType;
    }
    expectOk(response, repository, what, message) {
        if (response.status >= 200 && response.status < 300)
            return;
        const parsed = parseErrorBody(response.body.toString('utf8'));
        const detail = message ?? parsed.message;
        throw this.transport.error(`registry ${this.registry} could not ${what}: ${response.status}${parsed.code === undefined ? '' : ` ${parsed.code}`}${detail === undefined ? '' : ` (${detail})`}`, repository, { status: response.status, code: parsed.code });
    }
}
function contentType(response) {
    return (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/registry/docker-config-file.ts
// The Docker config file (config.json) as every reader of ours takes it: the user's file, so read
// with a cap, and an object or nothing.


/** A config holds logins and settings, a few KiB; a larger one is not read. */
const CONFIG_READ_LIMIT = 1024 * 1024;
async function docker_config_file_readDockerConfigFile(configDir) {
    const file = (0,external_node_path_namespaceObject.join)(configDir, 'config.json');
    let text;
    try {
        if ((await statOf(file)).size > CONFIG_READ_LIMIT)
            return { kind: 'invalid' };
        text = await textOf(file);
    }
    catch {
        return { kind: 'absent' };
    }
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { kind: 'object', config: value }
            : { kind: 'invalid' };
    }
    catch {
        return { kind: 'invalid' };
    }
}
/** The file's object, or an empty one when there is none or it cannot be read as one. */
async function dockerConfigOrEmpty(configDir) {
    const read = await docker_config_file_readDockerConfigFile(configDir);
    return read.kind === 'object' ? read.config : {};
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Where registry credentials come from: the inputs, else the Docker config, else none.




const DOCKER_HUB_CONFIG_KEYS = [
    'https://index.docker.io/v1/',
    'index.docker.io',
    'docker.io',
    'registry-1.docker.io'
];
/** The username a credential helper answers when its secret is an identity token. */
const IDENTITY_TOKEN_USERNAME = '<token>';
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG ?? (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.docker');
}
/**
 * What `docker login` left for this registry: the `auths` entry docker/login-action writes, else
 * what the configured credential helper (`credHelpers`, `credsStore`) answers.
 */
async function credentialsFromDockerConfig(registry, configDir) {
    const read = await docker_config_file_readDockerConfigFile(configDir);
    return read.kind === 'object' ? credentialsIn(read.config, registry) : undefined;
}
/**
 * The login `docker push` hands the engine from this config: the identity token an `auths` entry
 * or a helper holds (`az acr login` leaves one), else the credentials read as above.
 */
async function loginFromDockerConfig(registry, configDir) {
    const read = await readDockerConfigFile(configDir);
    if (read.kind !== 'object')
        return undefined;
    const config = read.config;
    const token = authsEntries(config, configKeys(registry)).find((entry) => typeof entry.identitytoken === 'string' && entry.identitytoken !== '')?.identitytoken;
    if (token !== undefined)
        return { identityToken: token };
    const credentials = await credentialsIn(config, registry);
    return credentials?.username === IDENTITY_TOKEN_USERNAME
        ? { identityToken: credentials.password }
        : credentials;
}
function configKeys(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEYS : [registry];
}
function credentialsIn(config, registry) {
    const keys = configKeys(registry);
    const helper = config.credHelpers?.[registry] ?? config.credsStore;
    const fromFile = fromAuths(authsEntries(config, keys));
    if (fromFile !== undefined || helper === undefined)
        return Promise.resolve(fromFile);
    return fromHelper(helper, keys[0] ?? registry);
}
/** The `auths` entries for these keys, by key or by the host a URL key names. */
function authsEntries(config, keys) {
    return Object.entries(config.auths ?? {})
        .filter(([key]) => {
        const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
        return keys.includes(key) || keys.includes(host);
    })
        .map(([, entry]) => entry);
}
function fromAuths(entries) {
    for (const entry of entries) {
        if (entry.auth !== undefined && entry.auth !== '') {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        if (entry.username !== undefined && entry.password !== undefined) {
            return { username: entry.username, password: entry.password };
        }
    }
    return undefined;
}
/** Docker's credential-helper protocol: the server URL on stdin, `{Username, Secret}` on stdout. */
async function fromHelper(helper, serverUrl) {
    if (!/^[A-Za-z0-9._-]+$/.test(helper))
        return undefined;
    const answer = await new Promise((resolve) => {
        const child = process
            .getBuiltinModule('node:child_process')
            .execFile(`docker-credential-${helper}`, ['get'], { timeout: 10_000 }, (error, stdout) => {
            resolve(error === null ? stdout : undefined);
        });
        // A helper may exit without reading its stdin; its exit status and stdout decide, not EPIPE.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(serverUrl);
    });
    if (answer === undefined)
        return undefined;
    try {
        const { Username, Secret } = JSON.parse(answer);
        return Username && Secret ? { username: Username, password: Secret } : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/registry/open-repository.ts
// The one factory the build and promote/rollback open their image's repository with.



/**
 * The image's repository with push access, for the build and for promote and rollback alike:
 * the credentials given, else the Docker config's (masked), else none.
 */
async function openRepository(image, access) {
    const credentials = access.credentials ?? (await credentialsFromDockerConfig(image.registry, dockerConfigDir()));
    if (access.credentials === undefined && credentials !== undefined) {
        setSecret(credentials.password);
    }
    const client = new RegistryClient(image.registry, {
        access: 'push',
        credentials,
        ...(access.retry === undefined ? {} : { retry: access.retry })
    });
    return client.repository(image);
}

;// CONCATENATED MODULE: ./src/pipeline/report.ts
// What one run of the pipeline did, as plain data for the comment, the summary and the outputs.
/** No test-command: the image goes on untested. */
const TESTS_NOT_RUN = {
    result: 'skipped',
    stage: undefined,
    command: undefined,
    durationMs: undefined,
    exitCode: undefined,
    timedOut: false,
    notRun: 'no-test-command',
    outputTail: ''
};
/** The run failed (the build, a registry, an input) before the tests could start. */
const TESTS_NOT_REACHED = { ...TESTS_NOT_RUN, notRun: 'run-failed-first' };
function report_imageRef(report) {
    return report.digest === undefined ? undefined : `${report.image}@${report.digest}`;
}

;// CONCATENATED MODULE: ./src/pipeline/build-failure.ts


const SUMMARY_CHARS = 300;
class build_failure_BuildFailedError extends errors_ActionError {
    exitCode;
    buildError;
    /** The message with the build's words as they are, for Markdown that escapes them itself. */
    unescapedMessage;
    constructor(
    /** What was built: `the image build`, or the test stage's build. */
    what, exitCode, buildError) {
        const sentence = (summary) => `${what} failed (docker exit ${exitCode}): ${summary}; nothing was pushed`;
        // The summary is the pull request's text: in the log, one escaped line, whatever it holds.
        super(sentence(untrustedText(buildError.summary, SUMMARY_CHARS)));
        this.exitCode = exitCode;
        this.buildError = buildError;
        this.name = 'BuildFailedError';
        const summary = Array.from(buildError.summary);
        this.unescapedMessage = sentence(summary.length > SUMMARY_CHARS
            ? `${summary.slice(0, SUMMARY_CHARS).join('')}…`
            : buildError.summary);
    }
}

;// CONCATENATED MODULE: ./src/render/headline.ts

function headline_headlineText(report) {
    switch (report.outcome) {
        case 'pushed':
            return `${pushedHeadline(report)}${report.pushedByDigest === true ? ' by digest, for merge' : ''}`;
        case 'built':
            if (ranNoTests(report))
                return '⚠️ Built WITHOUT tests (not pushed)';
            return onlySmokeTested(report)
                ? '✅ Built and smoke-tested (not pushed)'
                : '✅ Built and tested (not pushed)';
        case 'reused':
            return reusedHeadline(report);
        case 'test-failed':
            return `❌ ${testFailure(report.test)}: nothing pushed`;
        case 'smoke-test-failed':
            return '❌ Smoke test failed: nothing pushed';
        case 'failed':
            // Only a failure after the SHA tag's push leaves a digest on a failed run.
            if (report.digest !== undefined)
                return '❌ Pushed, then failed: not every tag was set';
            return report.failure instanceof BuildFailedError
                ? '❌ Build failed: nothing pushed'
                : '❌ Failed: nothing pushed';
    }
}
function pushedHeadline(report) {
    if (ranNoTests(report))
        return '⚠️ Built and pushed WITHOUT tests';
    return onlySmokeTested(report) ? '✅ Smoke-tested and pushed' : '✅ Tested and pushed';
}
/** Whether this run's image went on without any test: no test-command and no smoke-test. */
function ranNoTests(report) {
    return report.test.result === 'skipped' && report.smokeTest === undefined;
}
/** No test-command, but the shipped image passed its smoke test. */
function onlySmokeTested(report) {
    return report.test.result === 'skipped' && report.smokeTest !== undefined;
}
/**
 * Nothing was tested by this run; the headline says what the image's own test record says about
 * the run that pushed it, or that there is none.
 */
function reusedHeadline(report) {
    if (report.test.result === 'skipped') {
        if (report.recordedTest === undefined)
            return '♻️ Reused: pushed by an earlier run, with no record of tests';
        if (report.recordedTest.result === 'skipped')
            return '♻️ Reused: pushed WITHOUT tests by an earlier run';
    }
    return '♻️ Reused: pushed by an earlier run, not tested by this one';
}
function testFailure(test) {
    if (test.timedOut)
        return 'Tests timed out';
    if (test.oomKilled === true)
        return 'Tests ran out of memory';
    return 'Tests failed';
}

;// CONCATENATED MODULE: ./src/render/comment.ts
// The pull-request comment and the job summary: one pure rendering of a BuildReport.





/** GitHub refuses bodies over 65,536 characters; keep well under it. */
const MAX_BODY = 60_000;
const TEST_TAIL_LINES = 60;
const MAX_TAIL_CHARS = 20_000;
/** The starter workflow users copy for manual promotion (workflows/promote.yml). */
const PROMOTE_WORKFLOW = 'promote.yml';
function commentMarker(image) {
    return `<!-- immutable-image:${image.replace(/--/g, '- -')} -->`;
}
function renderComment(report) {
    return capLength(`${commentMarker(report.image)}\n${sections(report)}`);
}
/** The same facts for the job summary, which needs no marker. */
function renderReport(report) {
    return capLength(sections(report));
}
/** Short at the top (status, ref, pull command); the rest collapsed for whoever wants it. */
function sections(report) {
    return [
        headline(report),
        pullCommand(report),
        ...warnings(report),
        failure(report),
        buildErrorOutput(report),
        details('Details', factsTable(report)),
        testOutput(report),
        smokeTestLog(report),
        promotion(report),
        footer(report)
    ]
        .filter((section) => section !== '')
        .join('\n\n');
}
function headline(report) {
    const ref = imageRef(report);
    const title = `### ${headlineText(report)} · ${inlineCode(`${report.image}:${report.shaTag}`)}`;
    return ref === undefined ? title : `${title}\n\n${inlineCode(ref)}`;
}
function pullCommand(report) {
    const ref = imageRef(report);
    return ref === undefined ? '' : codeBlock(`docker pull ${ref}`, 'sh');
}
function warnings(report) {
    return report.warnings.map((warning) => `> [!WARNING]\n> ${plainText(warning)}`);
}
function failure(report) {
    if (report.failure === undefined)
        return '';
    const { failure } = report;
    const message = failure instanceof BuildFailedError ? failure.unescapedMessage : failure.message;
    return `> [!CAUTION]\n> ${plainText(message)}`;
}
function factsTable(report) {
    const rows = [['Commit', inlineCode(report.sha)]];
    if (report.tags.length > 0) {
        rows.push(['Tags', report.tags.map((tag) => inlineCode(tag)).join('<br>')]);
    }
    rows.push(['Tests', testSummary(report)]);
    if (report.test.result !== 'skipped')
        rows.push(['Tested in', testedIn(report)]);
    rows.push(...platformRows(report));
    rows.push(...smokeTestRows(report));
    if (report.sizeBytes !== undefined) {
        const layers = report.layers === undefined ? '' : ` in ${report.layers} layers`;
        rows.push(['Size', `${formatBytes(report.sizeBytes)}${layers}`]);
    }
    if (report.buildDurationMs !== undefined) {
        rows.push(['Build', formatDuration(report.buildDurationMs)]);
    }
    return factTable(rows);
}
/**
 * A reused image was not tested by this run: what its test record says, or "not tested" without
 * one, never "passed". When this run tested its own build and then found another run's image under
 * the tag, the result is for its build only.
 */
function testSummary(report) {
    if (report.outcome !== 'reused')
        return testResult(report);
    if (report.test.result !== 'skipped') {
        return `${testResult(report)} on this run’s own build, not on the reused image another run pushed`;
    }
    const recorded = report.recordedTest;
    if (recorded === undefined)
        return 'not tested: reused image with no test record';
    const command = recorded.testCommand === null ? '' : ` ${inlineCode(recorded.testCommand)}`;
    const where = recorded.runUrl === '' ? '' : ` in ${runLink(recorded.runUrl)}`;
    const result = recorded.result === 'skipped' ? 'not tested (no `test-command`)' : recorded.result;
    return `${result}${recorded.result === 'skipped' ? '' : command}${where} at ${plainText(recorded.recordedAt)}, as recorded with the reused image`;
}
/** A link when the URL cannot break out of one; plain text otherwise. */
function runLink(url) {
    return /^https:\/\/[^\s<>()[\]`|\\]+$/.test(url) ? `[${plainText(url)}](${url})` : plainText(url);
}
/** Which bytes the tests saw: the shipped image, or a test stage proved to be built on it. */
function testedIn(report) {
    const { stage } = report.test;
    if (stage === undefined)
        return 'the shipped image itself';
    return `stage ${inlineCode(stage)}: the shipped image’s layers plus the test stage’s own`;
}
function testResult(report) {
    const { test } = report;
    const command = test.command === undefined ? '' : ` ${inlineCode(test.command)}`;
    const took = test.durationMs === undefined ? '' : ` in ${formatDuration(test.durationMs)}`;
    switch (test.result) {
        case 'passed':
            return `passed${command}${took}`;
        case 'failed':
            if (test.timedOut)
                return `timed out${command}${took}`;
            if (test.oomKilled === true) {
                return `killed for memory${command} (exit ${test.exitCode ?? '?'}: over \`test-memory\`)${took}`;
            }
            if (test.couldNotStart !== undefined) {
                return `could not start${command}: ${plainText(test.couldNotStart)}`;
            }
            return `failed${command} (exit ${test.exitCode ?? '?'})${took}`;
        case 'skipped':
            if (test.notRun === 'run-failed-first') {
                return report.failure instanceof BuildFailedError
                    ? 'not run: the build failed'
                    : 'not run: the run failed before the tests';
            }
            if (test.notRun === 'no-platform-runs-here') {
                return 'not tested: none of the platforms built can run on this runner';
            }
            return 'not tested: no `test-command` is set';
    }
}
/** The build's own error, open: the failing step's last lines and the builder's message. */
function buildErrorOutput(report) {
    if (!(report.failure instanceof BuildFailedError))
        return '';
    const { lines } = report.failure.buildError;
    if (lines.length === 0)
        return '';
    const section = details('Build error', codeBlock(lines.join('\n'), 'text'));
    return section.replace('<details>', '<details open>');
}
function testOutput(report) {
    const tail = lastLines(report.test.outputTail, TEST_TAIL_LINES);
    if (tail === '')
        return '';
    const section = details(`Test output (last ${TEST_TAIL_LINES} lines)`, codeBlock(tail, 'text'));
    return report.test.result === 'failed' ? section.replace('<details>', '<details open>') : section;
}
/** The smoke test of the shipped image, started by its own ENTRYPOINT: this run's, or as recorded. */
function smokeTestRows(report) {
    const smoke = report.smokeTest;
    if (smoke === undefined) {
        const recorded = report.outcome === 'reused' ? report.recordedTest?.smokeTest : undefined;
        return recorded === undefined || recorded === null
            ? []
            : [['Smoke test', `${recorded}, as recorded with the reused image`]];
    }
    const command = inlineCode(smoke.command);
    const took = formatDuration(smoke.durationMs);
    const result = smoke.failure === undefined
        ? `passed ${command} in ${took}${whenItRan(smoke)}`
        : `failed ${command}: ${smokeFailure(smoke.failure)} after ${took}`;
    return [
        ['Smoke test', result],
        ['Smoke-tested in', 'the shipped image, started by its own `ENTRYPOINT` and `CMD`']
    ];
}
function whenItRan(smoke) {
    if (smoke.healthCheck)
        return ', once the container was healthy';
    return smoke.attempts > 1 ? `, run ${smoke.attempts} times until the container answered` : '';
}
function smokeFailure(failure) {
    switch (failure.kind) {
        case 'not-started':
            return `the container could not start (${plainText(failure.message)})`;
        case 'exited':
            return `the container exited with code ${failure.exitCode}${failure.oomKilled ? ' (out of memory)' : ''}`;
        case 'unhealthy':
            return 'the container became unhealthy';
        case 'failed':
            return `exit ${failure.exitCode}`;
        case 'timed-out':
            return failure.waitingFor === 'healthy'
                ? 'not healthy within `test-timeout`'
                : 'did not pass within `test-timeout`';
    }
}
/** When the smoke test failed: the container's log and the command's output, open. */
function smokeTestLog(report) {
    const smoke = report.smokeTest;
    if (smoke?.failure === undefined)
        return '';
    const log = lastLines(smoke.logTail, TEST_TAIL_LINES);
    const output = lastLines(smoke.outputTail, TEST_TAIL_LINES);
    const blocks = [
        log === '' ? '' : `Container log (last ${TEST_TAIL_LINES} lines):\n\n${codeBlock(log, 'text')}`,
        output === '' ? '' : `Smoke test output:\n\n${codeBlock(output, 'text')}`
    ].filter((block) => block !== '');
    if (blocks.length === 0)
        return '';
    return details('Smoke test', blocks.join('\n\n')).replace('<details>', '<details open>');
}
function promotion(report) {
    if (report.digest === undefined)
        return '';
    const ref = imageRef(report) ?? '';
    const commands = [
        `gh workflow run ${PROMOTE_WORKFLOW} -f environment=staging -f source=${report.digest}`,
        `docker run --rm ${ref}`
    ];
    return details('Promote or run this digest', codeBlock(commands.join('\n'), 'sh'));
}
function footer(report) {
    return report.runUrl === '' ? '' : `<sub>[Workflow run](${report.runUrl}) · immutable-image</sub>`;
}
function lastLines(text, count) {
    // Strip ANSI colours and carriage-return progress lines so the tail reads as a log.
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r(?!\n)/g, '\n');
    return clean.slice(-MAX_TAIL_CHARS).split('\n').slice(-count).join('\n').trim();
}
function capLength(body) {
    if (body.length <= MAX_BODY)
        return body;
    const cut = '\n\n… (cut to stay under GitHub’s comment size limit)';
    return body.slice(0, MAX_BODY - cut.length) + cut;
}

;// CONCATENATED MODULE: ./src/render/job-summary.ts
// Writes Markdown to the job summary; a failure there is a warning, never the step's failure.


async function writeJobSummary(markdown) {
    try {
        await appendJobSummary(markdown);
    }
    catch (error) {
        warning(`Could not write the job summary: ${getErrorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// Markdown building blocks that stay intact whatever text is put inside them.
/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
function markdown_codeBlock(text, language = '') {
    const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
/** Inline code that survives backticks in the text. */
function markdown_inlineCode(text) {
    const oneLine = text.replace(/[\r\n]+/g, ' ');
    const longestRun = Math.max(0, ...Array.from(oneLine.matchAll(/`+/g), (match) => match[0].length));
    const ticks = '`'.repeat(longestRun + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}
/** Text outside code: no HTML, no @mention pings, no line breaks. */
function markdown_plainText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
        .replace(/([\\`*_[\]|])/g, '\\$1');
}
/** A two-column table of facts without a header row, as the comment and the summaries show them. */
function markdown_factTable(rows) {
    return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value} |`)].join('\n');
}
function markdown_details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function markdown_formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'B'}`;
}
function markdown_formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

;// CONCATENATED MODULE: ./src/render/merge.ts

function renderMerge(result, runUrl) {
    const name = markdown_inlineCode(`${result.image}:${result.shaTag}`);
    const ref = result.digest === undefined ? undefined : `${result.image}@${result.digest}`;
    const sections = ref === undefined
        ? [
            `### ❌ Merge refused: nothing tagged · ${name}`,
            result.problems.map((problem) => `- ${markdown_plainText(problem)}`).join('\n')
        ]
        : [
            `### ✅ Merged ${result.platforms.length} platforms · ${name}\n\n${markdown_inlineCode(ref)}`,
            markdown_codeBlock(`docker pull ${ref}`, 'sh'),
            markdown_details('Details', facts(result))
        ];
    if (runUrl !== '')
        sections.push(`<sub>[Workflow run](${runUrl}) · immutable-image</sub>`);
    return sections.join('\n\n');
}
function facts(result) {
    return markdown_factTable([
        ['Commit', markdown_inlineCode(result.sha)],
        ['Tags', result.tags.map((tag) => markdown_inlineCode(tag)).join('<br>')],
        ...result.platforms.map(({ platform, digest }) => [
            markdown_inlineCode(platform),
            markdown_inlineCode(digest)
        ])
    ]);
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts
// Typed readers for action inputs: each turns one raw string into a value or an InputError.


function inputs_text(name) {
    return getInput(name).trim();
}
/** Lines of a multi-line input, without blanks or `#` comments. */
function lines(name) {
    return getInput(name)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** A list given one item a line or comma-separated, as docker/metadata-action outputs it. */
function list(name) {
    return lines(name).flatMap((line) => line
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''));
}
const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];
function inputs_boolean(name, fallback) {
    const value = inputs_text(name);
    if (value === '')
        return fallback;
    if (TRUE_WORDS.includes(value))
        return true;
    if (FALSE_WORDS.includes(value))
        return false;
    throw new errors_InputError(name, `expected true or false, got '${inputs_printable(value)}'`);
}
function oneOf(name, choices, fallback) {
    const value = inputs_text(name);
    if (value === '')
        return fallback;
    const choice = choices.find((candidate) => candidate === value);
    if (choice === undefined) {
        throw new errors_InputError(name, `expected one of ${choices.join(', ')}, got '${inputs_printable(value)}'`);
    }
    return choice;
}
function seconds(name, fallback) {
    const value = inputs_text(name);
    if (value === '')
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 6 * 60 * 60) {
        throw new InputError(name, `expected a whole number of seconds from 1 to 21600, got '${inputs_printable(value)}'`);
    }
    return Number(value);
}
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `KEY=VALUE` lines; the value may contain `=` and is kept as written. */
function keyValues(name, keyPattern = ENV_NAME) {
    const pairs = new Map();
    lines(name).forEach((line, index) => {
        const separator = line.indexOf('=');
        // The line itself is never echoed: a malformed line may hold a secret value.
        if (separator === -1) {
            throw new InputError(name, `line ${index + 1} is not KEY=VALUE (no '=')`);
        }
        const key = line.slice(0, separator);
        if (!keyPattern.test(key)) {
            throw new InputError(name, `line ${index + 1}: '${inputs_printable(key)}' is not a valid name`);
        }
        pairs.set(key, line.slice(separator + 1));
    });
    return pairs;
}
/** Quotes user text in an error message without letting it span lines or run on. */
function inputs_printable(value) {
    const oneLine = value.replace(/[\r\n\t]/g, ' ');
    return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
/** A Dockerfile stage name, as `docker build --target` takes it; undefined when empty. */
function stageName(name) {
    const stage = inputs_text(name);
    if (stage === '')
        return undefined;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stage)) {
        throw new InputError(name, `'${inputs_printable(stage)}' is not a valid build stage name`);
    }
    return stage;
}

;// CONCATENATED MODULE: ./src/settings/promotion-inputs.ts
// Pure parsers of the inputs promote and rollback share: image, source, targets and environment.



function imageInput(value) {
    if (value === '')
        throw new errors_InputError('image', 'is required (a repository such as ghcr.io/acme/web)');
    try {
        return parseRepository(value);
    }
    catch (error) {
        if (error instanceof reference_InvalidReferenceError)
            throw new errors_InputError('image', error.message);
        throw error;
    }
}
/** A tag, a digest, `previous`, or a full reference in the image's repository (the build's `ref`). */
function sourceInput(name, value, image) {
    if (value === '')
        throw new InputError(name, 'is required: a tag, a digest (sha256:…) or previous');
    if (value === 'previous')
        return { kind: 'previous' };
    try {
        if (value.includes('/'))
            return sourceReference(name, value, image);
        if (value.startsWith('sha256:') || value.startsWith('sha512:')) {
            return { kind: 'digest', digest: parseDigest(value) };
        }
        return { kind: 'tag', tag: parseTag(value) };
    }
    catch (error) {
        if (error instanceof InvalidReferenceError) {
            throw new InputError(name, `${error.message}; expected a tag, a digest (sha256:…) or previous`);
        }
        throw error;
    }
}
function sourceReference(name, value, image) {
    const reference = parseReference(value);
    if (!sameRepository(reference.repository, image)) {
        throw new InputError(name, `'${printable(value)}' is not in ${repositoryName(image)}: promotion moves tags within one repository`);
    }
    if (reference.digest !== undefined)
        return { kind: 'digest', digest: reference.digest };
    if (reference.tag !== undefined)
        return { kind: 'tag', tag: reference.tag };
    throw new InputError(name, `'${printable(value)}' names no tag or digest`);
}
/** One or more tags, repeats dropped; `values` empty means the input was not given. */
function targetsInput(values) {
    if (values.length === 0)
        throw new InputError('target', 'is required: one or more tags, one a line');
    const tags = values.map((value) => {
        try {
            return parseTag(value);
        }
        catch (error) {
            if (error instanceof InvalidReferenceError)
                throw new InputError('target', error.message);
            throw error;
        }
    });
    return [...new Set(tags)];
}
/** A GitHub environment name, or undefined when not given. */
function environmentInput(value) {
    if (value === '')
        return undefined;
    if (value.length > 255 || /[\r\n\0]/.test(value) || value.includes(',')) {
        throw new InputError('environment', `'${printable(value)}' is not a valid environment name`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/settings/registry-auth.ts
// Registry credentials from the inputs, shared by every action that talks to a registry.



/** username/password, else the actor and github-token for ghcr.io; secrets are masked on read. */
function registryAuthInputs(image, env) {
    const username = inputs_text('username');
    const password = inputs_text('password');
    const githubToken = inputs_text('github-token');
    for (const secret of [password, githubToken])
        if (secret !== '')
            setSecret(secret);
    if (username !== '' && password === '') {
        throw new errors_InputError('password', `is empty but username '${username}' is set`);
    }
    if (password !== '' && username === '') {
        throw new errors_InputError('username', 'is empty but password is set');
    }
    if (username !== '')
        return { credentials: { username, password }, githubToken };
    if (image.registry === 'ghcr.io' && githubToken !== '') {
        return {
            credentials: { username: env.GITHUB_ACTOR || 'github-actions', password: githubToken },
            githubToken
        };
    }
    return { credentials: undefined, githubToken };
}

;// CONCATENATED MODULE: ./src/settings/merge.ts
// The merge action's inputs, read once into one typed, readonly settings object.





function getMergeSettings(env = process.env) {
    const image = imageInput(inputs_text('image'));
    const digests = list('digests').map((value) => digestInput(value, image));
    if (digests.length === 0) {
        throw new errors_InputError('digests', 'is required: the digest output of each platform build, one a line');
    }
    return {
        image,
        digests,
        extraTags: [...new Set(list('tags').map((value) => tagInput(value, image)))],
        shaFormat: oneOf('sha-format', ['short', 'long'], 'short'),
        comment: inputs_boolean('comment', true),
        ...registryAuthInputs(image, env)
    };
}
/** `sha256:…`, or `<image>@sha256:…` as the build's ref output gives it. */
function digestInput(value, image) {
    try {
        if (!value.includes('@'))
            return reference_parseDigest(value);
        const reference = reference_parseReference(value);
        if (reference.digest === undefined || reference.tag !== undefined) {
            throw new reference_InvalidReferenceError(`'${inputs_printable(value)}' must be a digest, without a tag`);
        }
        if (!reference_sameRepository(reference.repository, image)) {
            throw new reference_InvalidReferenceError(`'${inputs_printable(value)}' is not in ${reference_repositoryName(image)}: an index can only list images of its own repository`);
        }
        return reference.digest;
    }
    catch (error) {
        if (error instanceof reference_InvalidReferenceError)
            throw new errors_InputError('digests', error.message);
        throw error;
    }
}
/** A bare tag, or a full reference with a tag in `image` (as docker/metadata-action writes them). */
function tagInput(value, image) {
    try {
        if (!value.includes('/') && !value.includes('@'))
            return reference_parseTag(value);
        const reference = reference_parseReference(value);
        if (reference.tag === undefined || reference.digest !== undefined) {
            throw new reference_InvalidReferenceError(`'${inputs_printable(value)}' must be a tag or a reference with a tag`);
        }
        if (!reference_sameRepository(reference.repository, image)) {
            throw new reference_InvalidReferenceError(`'${inputs_printable(value)}' is not in ${reference_repositoryName(image)}: merge tags the index where its images are`);
        }
        return reference.tag;
    }
    catch (error) {
        if (error instanceof reference_InvalidReferenceError)
            throw new errors_InputError('tags', error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/run-tool.ts
// Runs a program with its arguments as an array (never a shell), its output to listeners. Node finds
// the program on PATH itself, without the stat of every PATH entry @actions/exec makes first.

/** The exit code once the program ended and its output was read (128 + n after signal n). */
function run_tool_runTool(tool, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = process.getBuiltinModule('node:child_process').spawn(tool, [...args], {
            env: options.env ?? process.env,
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            windowsHide: true
        });
        let started = true;
        child.on('error', (error) => {
            started = false;
            reject(error);
        });
        child.stdout?.on('data', (chunk) => options.onStdout?.(chunk));
        child.stderr?.on('data', (chunk) => options.onStderr?.(chunk));
        if (options.input !== undefined && child.stdin !== null) {
            // A program that exits without reading its input must not fail the write.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input);
        }
        child.on('close', (code, signal) => {
            if (!started)
                return;
            resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
        });
    });
}

;// CONCATENATED MODULE: ./src/git/head.ts
// The commit HEAD names, read from the repository's files as git reads them: a re-run that reuses
// its image learns its SHA tag without starting a process. Anything this does not read as git
// would (GIT_DIR and kin, reftable, a SHA-256 repository, an unborn branch) gives undefined, and
// git itself is asked.


/** HEAD, a loose ref, `.git` and `commondir` files: a line each. */
const SMALL_FILE_LIMIT = 4096;
/** packed-refs of a big repository with many tags; past this git is asked. */
const PACKED_REFS_LIMIT = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
const SHA1 = /^[0-9a-f]{40}$/;
/** Variables that make git look elsewhere than the directories above the context. */
const REDIRECTING_VARIABLES = (/* unused pure expression or super */ null && ([
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_CEILING_DIRECTORIES'
]));
/** The file's text, or undefined when it is missing, not a file or longer than `limit`. */
function readSmall(path, limit = SMALL_FILE_LIMIT) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile() !== true || stat.size > limit)
        return undefined;
    const buffer = Buffer.alloc(stat.size);
    const fd = openSync(path, 'r');
    try {
        const read = readSync(fd, buffer, 0, stat.size, 0);
        return buffer.subarray(0, read).toString('utf8');
    }
    finally {
        closeSync(fd);
    }
}
/** The git directory of the work tree `dir` is in: `.git`, or where a `.git` file points. */
function gitDirAbove(dir) {
    let real;
    try {
        // As git does after its chdir: a symlinked directory is looked above where it really is.
        real = realpathSync(dir);
    }
    catch {
        return undefined;
    }
    for (let at = real;; at = dirname(at)) {
        const dotGit = join(at, '.git');
        const stat = statSync(dotGit, { throwIfNoEntry: false });
        if (stat?.isDirectory() === true)
            return dotGit;
        if (stat?.isFile() === true) {
            const pointer = /^gitdir: (.+)$/.exec(readSmall(dotGit)?.trim() ?? '')?.[1];
            return pointer === undefined ? undefined : resolve(at, pointer);
        }
        if (dirname(at) === at)
            return undefined;
    }
}
/** Where the refs of a linked work tree's repository are; the git directory itself otherwise. */
function commonDir(gitDir) {
    const common = readSmall(join(gitDir, 'commondir'))?.trim();
    if (common === undefined || common === '')
        return gitDir;
    return isAbsolute(common) ? common : resolve(gitDir, common);
}
function packedRef(commonGitDir, ref) {
    const packed = readSmall(join(commonGitDir, 'packed-refs'), PACKED_REFS_LIMIT);
    for (const line of packed?.split('\n') ?? []) {
        const [sha, name] = line.trim().split(' ');
        if (name === ref && sha !== undefined && SHA1.test(sha))
            return sha;
    }
    return undefined;
}
/** The full SHA of HEAD for the work tree `dir` is in, or undefined where git must be asked. */
function head_headFromFiles(dir, env = process.env) {
    if (REDIRECTING_VARIABLES.some((name) => env[name] !== undefined))
        return undefined;
    const gitDir = gitDirAbove(dir);
    if (gitDir === undefined)
        return undefined;
    const head = readSmall(join(gitDir, 'HEAD'))?.trim();
    if (head === undefined)
        return undefined;
    if (SHA1.test(head))
        return head;
    const ref = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (ref === undefined || ref.split('/').some((part) => part === '' || part.startsWith('.'))) {
        return undefined;
    }
    const common = commonDir(gitDir);
    for (const base of new Set([gitDir, common])) {
        const loose = readSmall(join(base, ref))?.trim();
        if (loose !== undefined)
            return SHA1.test(loose) ? loose : undefined;
    }
    return packedRef(common, ref);
}

;// CONCATENATED MODULE: ./src/git/checkout.ts
// What git says about the checkout the build context sits in.


const GIT_OUTPUT_LIMIT = (/* unused pure expression or super */ null && (64 * 1024));
async function git(dir, args) {
    const chunks = [];
    let kept = 0;
    // safe.directory: the workspace is often owned by another user than the one running the step.
    const exitCode = await runTool('git', ['-c', 'safe.directory=*', '-C', dir, ...args], {
        onStdout: (chunk) => {
            // A pull request can make the status as long as it likes: its start is all that is read.
            if (kept < GIT_OUTPUT_LIMIT)
                chunks.push(chunk);
            kept += chunk.length;
        }
    });
    return { exitCode, stdout: Buffer.concat(chunks).toString('utf8').trim() };
}
/**
 * The checked-out commit, or undefined when the directory is not inside a git work tree. HEAD is
 * read from the repository's files where it can be; git is started for the commit time only when
 * it is asked for, by a run that builds.
 */
async function readCheckout(dir) {
    const sha = headFromFiles(dir);
    if (sha !== undefined) {
        let asked;
        const committedAt = () => (asked ??= show(dir, '%cI', sha).then((shown) => shown?.[0]));
        return { sha, committedAt };
    }
    const shown = await show(dir, '%H %cI', 'HEAD');
    const [headSha, committedAt] = shown ?? [];
    if (headSha === undefined || committedAt === undefined || !/^[0-9a-f]{40}$/.test(headSha))
        return undefined;
    return { sha: headSha, committedAt: () => Promise.resolve(committedAt) };
}
/** `git show -s --format=<format> <commit>`, split at spaces; undefined when git fails or is missing. */
async function show(dir, format, commit) {
    try {
        const head = await git(dir, ['show', '-s', `--format=${format}`, commit]);
        return head.exitCode === 0 ? head.stdout.split(' ') : undefined;
    }
    catch {
        return undefined; // git itself is not installed
    }
}
/**
 * Whether tracked or untracked (not ignored) files differ from HEAD. Asked only by a run that
 * builds: on a big tree `git status` takes long, and a re-run that reuses the image never needs it.
 */
async function checkout_hasUncommittedChanges(dir) {
    try {
        const status = await git(dir, ['status', '--porcelain']);
        return status.exitCode === 0 && status.stdout !== '';
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/revision.ts
// Which commit the image is tagged with, and what a reviewer should be told about it.


/**
 * The commit checked out where the build context is; the event's commit only when the context is
 * not a git checkout (on pull_request, the PR head rather than GitHub's throwaway merge commit).
 */
function chooseRevision(checkout, run, now) {
    const warnings = [];
    if (checkout === undefined) {
        const sha = run.pullRequest?.headSha ?? run.eventSha;
        if (!/^[0-9a-f]{40}$/.test(sha)) {
            throw new ActionError('the build context is not a git checkout and the event names no commit (GITHUB_SHA is not set)');
        }
        warnings.push(`The build context is not a git checkout: tagged with the event's commit ${sha.slice(0, 7)}.`);
        const createdAt = run.eventCommitTime ?? now.toISOString();
        return { sha, createdAt: () => Promise.resolve(createdAt), warnings };
    }
    const head = run.pullRequest?.headSha;
    if (head !== undefined && head !== checkout.sha) {
        warnings.push(`Built commit ${checkout.sha.slice(0, 7)} is not the pull request head ${head.slice(0, 7)}` +
            (checkout.sha === run.eventSha
                ? " (it is GitHub's merge commit: check out `github.event.pull_request.head.sha`)."
                : '.'));
    }
    const createdAt = async () => (await checkout.committedAt()) ?? run.eventCommitTime ?? now.toISOString();
    return { sha: checkout.sha, createdAt, warnings };
}
/** For a run that builds: the warning when the checkout holds changes its commit does not. */
async function uncommittedChangesWarning(dir, sha) {
    if (!(await hasUncommittedChanges(dir)))
        return undefined;
    return `The checkout has uncommitted changes: the image holds more than commit ${sha.slice(0, 7)}.`;
}
function shaTag(sha, format) {
    return `sha-${format === 'long' ? sha : sha.slice(0, 7)}`;
}

;// CONCATENATED MODULE: ./src/promote/retag.ts
// Puts one manifest under several tags; if any put fails, puts back what the moved tags held.



async function retag(registry, manifest, targets) {
    const moved = [];
    const unchanged = [];
    for (const target of targets) {
        if (target.before?.digest === manifest.digest) {
            info(`${target.tag} already points at ${untrustedText(manifest.digest)}: left alone.`);
            unchanged.push(target.tag);
            continue;
        }
        try {
            await registry.put(target.tag, manifest);
        }
        catch (error) {
            await restore(registry, moved);
            throw error;
        }
        info(`${target.tag}: ${untrustedText(target.before?.digest ?? '(new)')} → ${untrustedText(manifest.digest)}`);
        moved.push(target);
    }
    return { moved: moved.map((target) => target.tag), unchanged };
}
/** Best effort: a tag that did not exist before cannot be deleted without deleting the manifest. */
async function restore(registry, moved) {
    for (const target of moved) {
        if (target.before === undefined) {
            warning(`${target.tag} was new and stays at the promoted digest: registries cannot delete a tag alone.`);
            continue;
        }
        try {
            const previous = await registry.fetch(target.before.digest);
            if (previous === undefined)
                throw new Error(`${target.before.digest} is gone`);
            await registry.put(target.tag, previous);
            info(`${target.tag} put back at ${untrustedText(target.before.digest)}.`);
        }
        catch (error) {
            core_error(`Could not put ${target.tag} back at ${target.before.digest}: ${getErrorMessage(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/registry/platform.ts
// OCI platforms (os/architecture/variant) as Docker writes them: parsed, compared and printed.
class InvalidPlatformError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidPlatformError';
    }
}
const COMPONENT = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
/** `os/arch[/variant]`, as `docker buildx build --platform` takes one. */
function parsePlatform(value) {
    const parts = value.split('/');
    if (parts.length < 2 || parts.length > 3 || !parts.every((part) => COMPONENT.test(part))) {
        throw new InvalidPlatformError(`'${value}' is not a platform such as linux/amd64, linux/arm64 or linux/arm/v7`);
    }
    const [os = '', architecture = '', variant] = parts;
    return { os, architecture, ...(variant === undefined ? {} : { variant }) };
}
function formatPlatform(platform) {
    const { os, architecture, variant } = platform;
    return variant === undefined || variant === ''
        ? `${os}/${architecture}`
        : `${os}/${architecture}/${variant}`;
}
/**
 * Whether two platforms name the same machine. arm64 without a variant is arm64/v8, as containerd
 * normalizes it: linux/arm64 and linux/arm64/v8 are one platform.
 */
function samePlatform(a, b) {
    return formatPlatform(normalized(a)) === formatPlatform(normalized(b));
}
function normalized(platform) {
    if (platform.architecture === 'arm64' && platform.variant === 'v8') {
        return { os: platform.os, architecture: 'arm64' };
    }
    return platform;
}

;// CONCATENATED MODULE: ./src/merge/image-index.ts


/**
 * One index listing each image's entries in the order the digests were given: the same digests
 * always make the same bytes, so a re-run of the merge puts the same digest.
 */
function imageIndex(images) {
    const index = {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: images.flatMap((image) => image.entries.map(descriptor))
    };
    const bytes = Buffer.from(JSON.stringify(index));
    return { digest: sha256Digest(bytes), mediaType: OCI_INDEX, size: bytes.length, bytes };
}
/** Fields in the order the OCI spec lists them; absent ones left out rather than null. */
function descriptor(entry) {
    const { platform } = entry;
    return {
        mediaType: entry.mediaType,
        digest: entry.digest,
        size: entry.size,
        ...(entry.annotations === undefined ? {} : { annotations: entry.annotations }),
        ...(platform === undefined
            ? {}
            : {
                platform: {
                    architecture: platform.architecture,
                    os: platform.os,
                    ...(platform.variant === undefined ? {} : { variant: platform.variant })
                }
            })
    };
}

;// CONCATENATED MODULE: ./src/registry/image-revision.ts
// Which commit an image in the registry was built from: its descriptor's revision annotation in the
// index, else its manifest's, else the revision label of its config.



const REVISION_LABEL = 'org.opencontainers.image.revision';
/** More platforms than any real index lists: a hostile index cannot make us fetch thousands. */
const MAX_PLATFORMS = 32;
/**
 * The revision of every platform image under `digest` (one for a single image; one per platform
 * for an index, attestations left out); undefined where an image says none.
 */
async function imageRevisions(client, repository, digest) {
    return revisionsIn(client, repository, await manifestOf(client, repository, digest));
}
/** As imageRevisions, from a manifest already fetched (by tag, say). */
async function revisionsIn(client, repository, fetched) {
    const { digest } = fetched;
    const manifest = parsedManifest(client, repository, fetched);
    if (!isIndexMediaType(fetched.mediaType)) {
        return [await imageRevision(client, repository, digest, manifest)];
    }
    const listed = Array.isArray(manifest.manifests) ? manifest.manifests : [];
    const platforms = listed
        .filter((child) => typeof child === 'object' && child !== null)
        .filter((child) => child.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        child.platform?.os !== 'unknown');
    if (platforms.length === 0 || platforms.length > MAX_PLATFORMS) {
        throw fault(client, repository, `the index ${repository}@${digest} lists ${platforms.length} platform images (expected 1 to ${MAX_PLATFORMS})`);
    }
    const revisions = [];
    for (const listed of platforms) {
        const childDigest = image_revision_text(listed.digest);
        if (!childDigest.includes(':')) {
            throw fault(client, repository, `the index ${repository}@${digest} lists an image without a digest`);
        }
        // The index's own word for the image, written with it by the same push: no request more.
        const described = listed.annotations?.[REVISION_LABEL];
        if (typeof described === 'string') {
            revisions.push(described);
            continue;
        }
        const child = parsedManifest(client, repository, await manifestOf(client, repository, childDigest));
        revisions.push(await imageRevision(client, repository, childDigest, child));
    }
    return revisions;
}
async function manifestOf(client, repository, digest) {
    const manifest = await client.fetch(repository, digest);
    if (manifest === undefined) {
        throw fault(client, repository, `${repository}@${registryText(digest)} vanished from the registry`);
    }
    return manifest;
}
function parsedManifest(client, repository, manifest) {
    return {
        ...parseObject(client, repository, manifest.bytes, `the manifest ${manifest.digest}`),
        mediaType: manifest.mediaType
    };
}
/** The manifest's revision annotation (written by buildx at build time), else its config's label. */
async function imageRevision(client, repository, digest, manifest) {
    const annotations = manifest.annotations;
    const annotated = typeof annotations === 'object' && annotations !== null
        ? annotations[REVISION_LABEL]
        : undefined;
    if (typeof annotated === 'string')
        return annotated;
    return configRevision(client, repository, digest, manifest);
}
async function configRevision(client, repository, digest, manifest) {
    const config = manifest.config;
    const size = typeof config?.size === 'number' ? config.size : 0;
    if (size > CONFIG_BODY_LIMIT) {
        throw fault(client, repository, `the config of ${repository}@${digest} is ${size} bytes, more than the ${formatLimit(CONFIG_BODY_LIMIT)} read`);
    }
    const configDigest = image_revision_text(config?.digest);
    const bytes = await client.fetchBlob(repository, configDigest);
    if (bytes === undefined) {
        throw fault(client, repository, `the config ${registryText(configDigest)} of ${repository}@${digest} is missing`);
    }
    const labels = parseObject(client, repository, bytes, `the config of ${digest}`)
        .config?.Labels;
    const revision = labels?.[REVISION_LABEL];
    return typeof revision === 'string' ? revision : undefined;
}
function parseObject(client, repository, bytes, what) {
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw fault(client, repository, `${what} in ${repository} is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null) {
        throw fault(client, repository, `${what} in ${repository} is not a JSON object`);
    }
    return parsed;
}
function image_revision_text(value) {
    return typeof value === 'string' ? value : '';
}
function fault(client, repository, message) {
    return registryError(client.registry, repository, `registry ${client.registry}: ${message}`);
}

;// CONCATENATED MODULE: ./src/merge/merge-check.ts
// Which digests merge must refuse, and why: one line each, decided before any tag is written.



/** Every digest must be one platform's image of `sha`, and no platform may come twice. */
function checkMerge(inspected, sha, image) {
    const problems = [];
    const images = [];
    for (const digest of inspected) {
        const problem = problemOf(digest, sha, image, images);
        if (problem !== undefined)
            problems.push(problem);
        else if (digest.kind === 'image' && digest.platform !== undefined) {
            images.push({ ...digest, platform: digest.platform });
        }
    }
    return { images: problems.length === 0 ? images : [], problems };
}
function problemOf(inspected, sha, image, accepted) {
    const { digest } = inspected;
    switch (inspected.kind) {
        case 'missing':
            return `${digest}: not found in ${image}`;
        case 'platforms':
            return `${digest}: an index of ${inspected.count} platform images, not one platform's image`;
        case 'image': {
            if (inspected.revision === undefined) {
                return `${digest}: has no ${REVISION_LABEL} label, so nothing shows it was built from commit ${sha.slice(0, 7)}`;
            }
            if (inspected.revision !== sha) {
                return `${digest}: built from commit ${untrustedText(inspected.revision, 40)}, not this commit ${sha}`;
            }
            const { platform } = inspected;
            if (platform === undefined)
                return `${digest}: its config names no platform`;
            const earlier = accepted.find((other) => samePlatform(other.platform, platform));
            if (earlier !== undefined) {
                return `${digest}: ${formatPlatform(platform)} again, as ${earlier.digest} (${formatPlatform(earlier.platform)}) is`;
            }
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/merge/platform-image.ts
// What the registry holds under one digest given to merge: missing, several platforms, or one platform's image.






const ATTESTATION_TYPE = 'vnd.docker.reference.type';
const ATTESTATION_SUBJECT = 'vnd.docker.reference.digest';
async function inspectDigest(client, repository, digest) {
    const manifest = await client.fetch(repository, digest);
    if (manifest === undefined)
        return { kind: 'missing', digest };
    const body = parseJson(manifest.bytes);
    if (!isIndexMediaType(manifest.mediaType)) {
        const [revision] = await revisionsIn(client, repository, manifest);
        const platform = await configPlatform(client, repository, body.config);
        return {
            kind: 'image',
            digest,
            platform,
            revision,
            entries: [{ ...descriptorOf(manifest), platform }]
        };
    }
    const listed = (Array.isArray(body.manifests) ? body.manifests : []).filter((child) => typeof child === 'object' && child !== null);
    const images = listed.filter((child) => !isAttestation(child));
    const [image] = images;
    if (image === undefined || images.length > 1) {
        return { kind: 'platforms', digest, count: images.length };
    }
    const [revision] = await revisionsIn(client, repository, manifest);
    const attestations = listed.filter((child) => isAttestation(child) && child.annotations?.[ATTESTATION_SUBJECT] === image.digest);
    return {
        kind: 'image',
        digest,
        platform: platformOf(image.platform),
        revision,
        entries: [
            entryOf(image),
            ...attestations.filter((child) => isDigest(platform_image_text(child.digest))).map(entryOf)
        ]
    };
}
/** Buildx lists each image's provenance or SBOM beside it, for the platform unknown/unknown. */
function isAttestation(child) {
    return (child.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest' ||
        child.platform?.os === 'unknown');
}
function descriptorOf(manifest) {
    return { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size };
}
/** The child as its index lists it: only the fields an OCI descriptor defines, as strings. */
function entryOf(child) {
    const annotations = Object.fromEntries(Object.entries(child.annotations ?? {}).filter((entry) => typeof entry[1] === 'string'));
    return {
        mediaType: platform_image_text(child.mediaType),
        digest: platform_image_text(child.digest),
        size: typeof child.size === 'number' ? child.size : 0,
        platform: platformOf(child.platform),
        ...(Object.keys(annotations).length === 0 ? {} : { annotations })
    };
}
async function configPlatform(client, repository, config) {
    const digest = platform_image_text(config?.digest);
    if (!digest.includes(':'))
        return undefined;
    const bytes = await client.fetchBlob(repository, digest, CONFIG_BODY_LIMIT);
    if (bytes === undefined)
        return undefined;
    return platformOf(parseJson(bytes));
}
/** A platform only when it reads as one: a registry's odd text never becomes a platform. */
function platformOf(raw) {
    const os = platform_image_text(raw?.os);
    const architecture = platform_image_text(raw?.architecture);
    const variant = platform_image_text(raw?.variant);
    try {
        return parsePlatform(`${os}/${architecture}${variant === '' ? '' : `/${variant}`}`);
    }
    catch {
        return undefined;
    }
}
function parseJson(bytes) {
    try {
        const parsed = JSON.parse(bytes.toString('utf8'));
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        return {};
    }
}
function platform_image_text(value) {
    return typeof value === 'string' ? registryText(value) : '';
}

;// CONCATENATED MODULE: ./src/merge/merge.ts
// One merge: inspect every digest, refuse what is wrong, then put the index under the SHA tag and the tags.










/** Throws a MergeRefusal, carrying the result to report, when any digest is refused. */
class MergeRefusal extends errors_ActionError {
    result;
    constructor(result) {
        super(`Input 'digests': ${result.problems.length} refused (see above): no tag was written`);
        this.result = result;
        this.name = 'MergeRefusal';
    }
}
async function merge(settings, sha, registry) {
    const image = registry.name;
    const tag = reference_parseTag(shaTag(sha, settings.shaFormat));
    const inspected = await Promise.all(settings.digests.map((digest) => inspectDigest(registry.client, registry.image.path, digest)));
    const { images, problems } = checkMerge(inspected, sha, image);
    const platforms = images.map((platformImage) => ({
        platform: formatPlatform(platformImage.platform),
        digest: platformImage.digest
    }));
    const base = { image, sha, shaTag: tag, platforms };
    if (problems.length > 0) {
        for (const problem of problems)
            core_error(problem);
        throw new MergeRefusal({ ...base, digest: undefined, tags: [], problems });
    }
    const index = imageIndex(images);
    const targets = [tag, ...settings.extraTags.filter((extra) => extra !== tag)];
    info(`Joining ${platforms.map((entry) => entry.platform).join(', ')} into ${image}@${index.digest}`);
    const states = await Promise.all(targets.map(async (target) => ({ tag: target, before: await registry.resolve(target) })));
    for (const state of states) {
        if (state.before !== undefined && state.before.digest !== index.digest) {
            info(`${state.tag} held ${untrustedText(state.before.digest)}: it moves to the index.`);
        }
    }
    await retag(registry, index, states);
    return {
        ...base,
        digest: index.digest,
        tags: targets.map((target) => `${image}:${target}`),
        problems: []
    };
}

;// CONCATENATED MODULE: ./src/merge/main.ts
// The merge action: join platform images pushed by digest into one index, tag it, comment its digest.












async function run() {
    try {
        const settings = getMergeSettings();
        const context = runContext();
        const sha = mergedCommit(context);
        const registry = await openRepository(settings.image, settings);
        let result;
        try {
            result = await merge(settings, sha, registry);
        }
        catch (error) {
            if (error instanceof MergeRefusal)
                await report(settings, context, error.result);
            throw error;
        }
        await report(settings, context, result);
        info(`Merged ${result.image}@${untrustedText(result.digest)} (commit ${sha})`);
    }
    catch (error) {
        failStep(error);
    }
}
/** The commit the platform builds tagged: the pull request's head, else the event's commit. */
function mergedCommit(context) {
    const sha = context.pullRequest?.headSha ?? context.eventSha;
    if (!/^[0-9a-f]{40}$/.test(sha)) {
        throw new errors_ActionError('the event names no commit (GITHUB_SHA is not set): nothing to merge for');
    }
    return sha;
}
async function report(settings, context, result) {
    setOutput('image', result.image);
    setOutput('tag', result.shaTag);
    setOutput('tags', result.tags.join('\n'));
    setOutput('digest', result.digest ?? '');
    setOutput('ref', result.digest === undefined ? '' : `${result.image}@${result.digest}`);
    const markdown = renderMerge(result, context.runUrl);
    await writeJobSummary(markdown);
    const url = settings.comment
        ? await commentOnPullRequest(context, settings.githubToken, commentMarker(result.image), `${commentMarker(result.image)}\n${markdown}`)
        : '';
    setOutput('comment-url', url);
}

;// CONCATENATED MODULE: ./src/merge/index.ts

void run();

module.exports = __webpack_exports__;
/******/ })()
;