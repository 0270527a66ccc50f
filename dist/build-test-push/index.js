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
        (0,external_node_fs_namespaceObject.access)(path, mode, (error) => {
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
function core_warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Logs the error and fails the step once the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
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

;// CONCATENATED MODULE: ./src/cleanup-flag.ts
// Whether the post step has anything to remove, told to the runner through GITHUB_ENV: action.yml's
// post-if reads it, so a run whose main step removed all it made starts no second process.


/**
 * Set in the job's environment, never unset: every use of the action in a job shares the name,
 * so the post step runs when any of them left something behind.
 */
const CLEANUP_PENDING = 'IMMUTABLE_IMAGE_CLEANUP';
const LINE = `${CLEANUP_PENDING}=pending`;
/** The state names whose values the post step would remove, as this main step left them. */
const pending = new Set();
let written = false;
function envFile() {
    const path = process.env.GITHUB_ENV ?? '';
    return path !== '' && (0,external_node_fs_namespaceObject.existsSync)(path) ? path : undefined;
}
/**
 * Called before the main step makes what the post step would remove: the runner reads GITHUB_ENV
 * even after a step killed outright, so the line must be there first.
 */
function cleanupPending(name) {
    pending.add(name);
    if (written)
        return;
    const path = envFile();
    if (path === undefined)
        return;
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${LINE}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
    written = true;
}
/** The main step removed it itself. */
function cleanedUp(name) {
    pending.delete(name);
}
/**
 * At the end of the main step: with nothing left, its line goes from this step's GITHUB_ENV (a file
 * of the step's own), and the post step is skipped unless another use of the action set the flag.
 */
function settleCleanupFlag() {
    if (!written || pending.size > 0)
        return;
    const path = envFile();
    if (path === undefined)
        return;
    const kept = (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8')
        .split(external_node_os_namespaceObject.EOL)
        .filter((line) => line !== LINE);
    (0,external_node_fs_namespaceObject.writeFileSync)(path, kept.join(external_node_os_namespaceObject.EOL), { encoding: 'utf8' });
    written = false;
}

;// CONCATENATED MODULE: ./src/state.ts
// What the main step hands to the post step, and nothing else.


const IS_POST = 'isPost';
const DOCKER_CONFIG = 'dockerConfig';
const TEST_CONTAINER = 'testContainer';
const SMOKE_CONTAINER = 'smokeContainer';
/** The runner runs the same bundle for main and post; the flag saved by main tells them apart. */
const isPost = getState(IS_POST) === 'true';
function markMainRan() {
    saveState(IS_POST, 'true');
}
/** What the post step is to remove under `name`; '' once the main step removed it itself. */
function saveForCleanup(name, value) {
    if (value === '')
        cleanedUp(name);
    else
        cleanupPending(name);
    saveState(name, value);
}
function saveDockerConfigDir(dir) {
    saveForCleanup(DOCKER_CONFIG, dir);
}
/** Untrusted in the post step: output that slipped past the runner's guard could have set it. */
function dockerConfigDirToRemove() {
    return getState(DOCKER_CONFIG);
}
/** Saved before the container starts, so the post step removes it when main died mid-test. */
function saveTestContainer(name) {
    saveForCleanup(TEST_CONTAINER, name);
}
/** Untrusted in the post step, as the Docker config directory is. */
function testContainerToRemove() {
    return getState(TEST_CONTAINER);
}
/** The smoke test's container, saved as the test container is. */
function saveSmokeContainer(name) {
    saveForCleanup(SMOKE_CONTAINER, name);
}
/** Untrusted in the post step, as the test container's name is. */
function smokeContainerToRemove() {
    return getState(SMOKE_CONTAINER);
}

;// CONCATENATED MODULE: ./src/errors.ts
// Error types shared by every action, and the one way to turn a thrown value into a message.
/**
 * The base of every failure the user can act on (a bad input, a wrong password, failed tests, a
 * registry's refusal): reported as its one-line message, never with a stack trace. Anything else
 * thrown is a bug.
 */
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
    }
}
/** A user mistake in an input: one line naming the input. */
class InputError extends ActionError {
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
    return error instanceof ActionError;
}

;// CONCATENATED MODULE: ./src/run-tool.ts
// Runs a program with its arguments as an array (never a shell), its output to listeners. Node finds
// the program on PATH itself, without the stat of every PATH entry @actions/exec makes first.

/** The exit code once the program ended and its output was read (128 + n after signal n). */
function runTool(tool, args, options = {}) {
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
            resolve(code ?? 128 + (signal === null ? 0 : external_node_os_namespaceObject.constants.signals[signal]));
        });
    });
}

;// CONCATENATED MODULE: ./src/log/untrusted-stream.ts
// Streams untrusted output (docker, the build, the tests) into the log with workflow commands stopped.

/** A token the output cannot guess, fresh for each block as @actions/core's docs ask. */
function stopCommandsToken() {
    // Loaded here, not at start (src/random-hex.ts says why); this module imports nothing of ours.
    return process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex');
}
const LF = 0x0a;
const CR = 0x0d;
/**
 * Wraps untrusted output in `::stop-commands::<token>` … `::<token>::`. The runner keeps one stopped
 * state per job and `::stop-commands::` does not nest, so overlapping streams share one block, which
 * ends when the last of them does.
 */
class UntrustedLog {
    sink;
    newToken;
    token;
    openStreams = new Set();
    atLineStart = true;
    // No parameter properties: Node runs this file as it is (type stripping) in the exit test.
    constructor(sink, newToken = stopCommandsToken) {
        this.sink = sink;
        this.newToken = newToken;
    }
    /**
     * Runs `produce` with a writer whose text the runner shows but never executes. Commands resume
     * when it settles, thrown or not; what is written after that is dropped, never printed unguarded.
     */
    async stream(produce) {
        const stream = Symbol('untrusted stream');
        this.open(stream);
        try {
            return await produce((chunk) => {
                if (this.openStreams.has(stream))
                    this.write(chunk);
            });
        }
        finally {
            this.close(stream);
        }
    }
    /** Ends the block now, whatever is still streaming: for a process that exits mid-stream. */
    resumeNow() {
        if (this.openStreams.size === 0)
            return;
        this.openStreams.clear();
        this.resume();
    }
    open(stream) {
        this.openStreams.add(stream);
        if (this.openStreams.size > 1)
            return;
        this.token = this.newToken();
        this.sink.write(`::stop-commands::${this.token}${external_node_os_namespaceObject.EOL}`);
    }
    write(chunk) {
        if (chunk.length === 0)
            return;
        this.sink.write(chunk);
        const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk.at(-1);
        this.atLineStart = last === LF || last === CR;
    }
    close(stream) {
        if (!this.openStreams.delete(stream) || this.openStreams.size > 0)
            return;
        this.resume();
    }
    /** The runner reads `::<token>::` only at the start of a line: end a line the output left open. */
    resume() {
        this.sink.write(`${this.atLineStart ? '' : external_node_os_namespaceObject.EOL}::${this.token ?? ''}::${external_node_os_namespaceObject.EOL}`);
        this.token = undefined;
        this.atLineStart = true;
    }
}
/** The action's own stdout; a process that exits mid-stream still resumes commands for later steps. */
const untrustedLog = new UntrustedLog(process.stdout);
process.on('exit', () => {
    untrustedLog.resumeNow();
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/registry/docker-config-file.ts
// The Docker config file (config.json) as every reader of ours takes it: the user's file, so read
// with a cap, and an object or nothing.


/** A config holds logins and settings, a few KiB; a larger one is not read. */
const CONFIG_READ_LIMIT = 1024 * 1024;
async function readDockerConfigFile(configDir) {
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
    const read = await readDockerConfigFile(configDir);
    return read.kind === 'object' ? read.config : {};
}

;// CONCATENATED MODULE: ./src/registry/reference.ts
// Image references in Docker's grammar: registry host, repository path, tag and digest.
const DOCKER_HUB = 'docker.io';
class InvalidReferenceError extends Error {
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
function parseTag(value) {
    if (!isTag(value)) {
        throw new InvalidReferenceError(`'${value}' is not a valid tag (letters, digits, '_', '.', '-'; up to 128; not starting with '.' or '-')`);
    }
    return value;
}
function parseDigest(value) {
    if (!isDigest(value)) {
        throw new InvalidReferenceError(`'${value}' is not a valid digest (expected sha256: and 64 lower-case hex digits)`);
    }
    return value;
}
/** A repository without tag or digest, as the `image` input takes it. */
function parseRepository(value) {
    const reference = parseReference(value);
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw new InvalidReferenceError(`'${value}' must name a repository without a tag or digest (e.g. ghcr.io/acme/web)`);
    }
    return reference.repository;
}
/** `[registry/]path[:tag][@digest]`, with Docker Hub's `docker.io` and `library/` defaults. */
function parseReference(value) {
    if (value === '')
        throw new InvalidReferenceError('the image reference is empty');
    if (/\s/.test(value)) {
        throw new InvalidReferenceError(`'${value}' contains white space`);
    }
    let rest = value;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = parseDigest(rest.slice(at + 1));
        rest = rest.slice(0, at);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.indexOf(':', lastSlash + 1);
    if (colon !== -1) {
        tag = parseTag(rest.slice(colon + 1));
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
        throw new InvalidReferenceError(`'${original}' is longer than ${MAX_NAME_LENGTH} characters`);
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
        throw new InvalidReferenceError(`'${original}' has an invalid registry host '${registry}'`);
    }
    for (const component of path.split('/')) {
        if (!PATH_COMPONENT.test(component)) {
            throw new InvalidReferenceError(`'${original}' is not a valid image name: '${component}' must be lower-case letters and digits, separated by '.', '_', '__' or '-'`);
        }
    }
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    return { registry, path };
}
/** The name Docker prints: `ghcr.io/acme/web`, `docker.io/library/nginx`. */
function repositoryName(repository) {
    return `${repository.registry}/${repository.path}`;
}
function formatReference(reference) {
    const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
    const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
    return `${repositoryName(reference.repository)}${tag}${digest}`;
}
function sameRepository(a, b) {
    return a.registry === b.registry && a.path === b.path;
}
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
/** Docker speaks plain HTTP to registries on loopback and HTTPS to every other. */
function registryBaseUrl(registry) {
    if (registry === DOCKER_HUB)
        return 'https://registry-1.docker.io';
    return `${LOOPBACK.test(registry) ? 'http' : 'https'}://${registry}`;
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
    const read = await readDockerConfigFile(configDir);
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

;// CONCATENATED MODULE: ./src/docker/buildx-plugin.ts
// Finds the buildx plugin where the docker CLI looks for it, so that its version is asked of the
// plugin alone: one process instead of three (the CLI, the plugin's metadata call, the plugin).




/** The CLI's own list on Linux (cli-plugins/manager/manager_unix.go), searched after the config's. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
];
async function extraPluginDirs(configDir) {
    const dirs = (await dockerConfigOrEmpty(configDir)).cliPluginsExtraDirs;
    if (!Array.isArray(dirs))
        return [];
    return dirs.filter((dir) => typeof dir === 'string' && (0,external_node_path_namespaceObject.isAbsolute)(dir));
}
async function isExecutableFile(path) {
    if (!(await mayAccess(path, external_node_fs_namespaceObject.constants.X_OK)))
        return false;
    try {
        return (await statOf(path)).isFile();
    }
    catch {
        return false;
    }
}
/**
 * The plugin the CLI would run for `docker buildx`, in its order: the config directory's
 * cli-plugins, the config's cliPluginsExtraDirs, then the system directories. Undefined when none
 * is there, and the caller asks the CLI, which may know a directory of its own.
 */
async function findBuildxPlugin(configDir, systemDirs = SYSTEM_PLUGIN_DIRS) {
    const dirs = [
        (0,external_node_path_namespaceObject.join)(configDir, 'cli-plugins'),
        ...(await extraPluginDirs(configDir)),
        ...systemDirs
    ];
    for (const dir of dirs) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, 'docker-buildx');
        if (await isExecutableFile(candidate))
            return candidate;
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
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

;// CONCATENATED MODULE: ./src/docker/engine-api.ts
// The engine's HTTP API on its unix socket, reached the way the docker CLI would reach it: only when
// DOCKER_HOST is unset or unix:// and no docker context is chosen. Anything else is left to the CLI.




/** The engine's own default on Linux. */
const DEFAULT_SOCKET = '/var/run/docker.sock';
/** Inspect answers are a few KiB; an engine that sends more is not read further. */
const ANSWER_LIMIT = 4 * 1024 * 1024;
/** The config's chosen context, as the CLI reads it: '' for none, undefined when unreadable. */
async function currentContext(configDir) {
    const read = await readDockerConfigFile(configDir);
    if (read.kind === 'absent')
        return '';
    if (read.kind === 'invalid')
        return undefined;
    const context = read.config.currentContext;
    return typeof context === 'string' ? context : '';
}
/** Answers by environment: a run asks with one or two, each quiet docker command again. */
const sockets = new Map();
/**
 * The unix socket the CLI would talk to with this environment, or undefined when it would go
 * elsewhere (tcp://, ssh://, a context of the user's) or its config cannot be read.
 */
function engineSocket(env) {
    const configDir = dockerConfigDir(env);
    const key = JSON.stringify([env.DOCKER_CONTEXT, env.DOCKER_HOST, configDir]);
    let socket = sockets.get(key);
    if (socket === undefined) {
        socket = resolveSocket(env, configDir);
        sockets.set(key, socket);
    }
    return socket;
}
async function resolveSocket(env, configDir) {
    const context = env.DOCKER_CONTEXT ?? (await currentContext(configDir));
    if (context !== '' && context !== 'default')
        return undefined;
    const host = env.DOCKER_HOST ?? '';
    if (host === '')
        return DEFAULT_SOCKET;
    return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}
/**
 * One request to the engine; undefined when the socket does not answer (missing, refused), so the
 * caller asks the CLI, which says why in its own words.
 */
function askEngine(socketPath, method, path) {
    return new Promise((resolve) => {
        const call = (0,external_node_http_.request)({ socketPath, method, path, headers: { Host: 'docker' } }, (response) => {
            readCapped(response, response.headers['content-length'] ?? null, ANSWER_LIMIT, "the engine's answer", () => response.destroy()).then((body) => {
                resolve({ status: response.statusCode ?? 0, body: body.toString('utf8') });
            }, () => {
                resolve(undefined);
            });
        });
        call.on('error', () => {
            resolve(undefined);
        });
        call.end();
    });
}

;// CONCATENATED MODULE: ./src/docker/engine-shortcuts.ts
// The quiet docker commands the engine's API answers in one request, with the output and exit code
// the CLI would give: each CLI process costs tens of milliseconds, and a run asks several.

/** A name in a path, as the CLI puts it there: its slashes kept, everything else escaped. */
const segment = (name) => name.split('/').map(encodeURIComponent).join('/');
function field(body, read) {
    try {
        const value = read(JSON.parse(body));
        return typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined;
    }
    catch {
        return undefined;
    }
}
const line = (text) => text === undefined ? undefined : `${text}\n`;
/** Splits `registry:5000/name:tag` into the repository and the tag the API takes. */
function repoAndTag(reference) {
    const colon = reference.lastIndexOf(':');
    if (colon <= reference.lastIndexOf('/') || reference.includes('@'))
        return undefined;
    return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}
/** The API request for these arguments, or undefined when they are not one of the shortcuts. */
function shortcutFor(args) {
    const [first, second, third, fourth, fifth, ...rest] = args;
    if (rest.length > 0)
        return undefined;
    if (first === 'version' && second === '--format' && fourth === undefined) {
        if (third === '{{.Server.Version}}')
            return {
                method: 'GET',
                path: '/version',
                stdout: ({ body }) => line(field(body, (v) => v.Version))
            };
        if (third === '{{.Server.Os}}/{{.Server.Arch}}') {
            return {
                method: 'GET',
                path: '/version',
                stdout: ({ body }) => {
                    const os = field(body, (v) => v.Os);
                    const arch = field(body, (v) => v.Arch);
                    return os === undefined || arch === undefined ? undefined : `${os}/${arch}\n`;
                }
            };
        }
        return undefined;
    }
    if (first === 'image' &&
        second === 'inspect' &&
        third === '--format' &&
        fourth === '{{json .}}' &&
        fifth !== undefined) {
        return {
            method: 'GET',
            path: `/images/${segment(fifth)}/json`,
            stdout: ({ body }) => line(body.trim())
        };
    }
    if (first === 'image' && second === 'rm' && third !== undefined && fourth === undefined) {
        return {
            method: 'DELETE',
            path: `/images/${segment(third)}`,
            stdout: () => `Untagged: ${third}\n`
        };
    }
    if (first === 'tag' && second !== undefined && third !== undefined && fourth === undefined) {
        const target = repoAndTag(third);
        if (target === undefined)
            return undefined;
        const query = new URLSearchParams(target).toString();
        return { method: 'POST', path: `/images/${segment(second)}/tag?${query}`, stdout: () => '' };
    }
    if (first === 'rm' &&
        second === '--force' &&
        third === '--volumes' &&
        fourth !== undefined &&
        fifth === undefined) {
        return {
            method: 'DELETE',
            path: `/containers/${segment(fourth)}?force=1&v=1`,
            stdout: () => `${fourth}\n`
        };
    }
    if (first === 'inspect' &&
        second === '--format' &&
        third === '{{.State.OOMKilled}}' &&
        fourth !== undefined &&
        fifth === undefined) {
        return {
            method: 'GET',
            path: `/containers/${segment(fourth)}/json`,
            stdout: ({ body }) => line(field(body, (v) => v.State?.OOMKilled))
        };
    }
    if (first === 'network' &&
        second === 'inspect' &&
        third === '--format' &&
        fourth === '{{.Name}}' &&
        fifth !== undefined) {
        return {
            method: 'GET',
            path: `/networks/${segment(fifth)}`,
            stdout: ({ body }) => line(field(body, (v) => v.Name))
        };
    }
    return undefined;
}
/** The daemon's error as the CLI prints it: `Error response from daemon: <message>`. */
function daemonError(body) {
    const message = field(body, (value) => value.message) ?? body.trim();
    return `Error response from daemon: ${message}\n`;
}
/**
 * The CLI's result for `args`, asked of the engine at `socket`; undefined when the arguments are no
 * shortcut or the engine did not answer (the caller then runs the CLI).
 */
async function runShortcut(socket, args) {
    const shortcut = shortcutFor(args);
    if (shortcut === undefined)
        return undefined;
    const answer = await askEngine(socket, shortcut.method, shortcut.path);
    if (answer === undefined)
        return undefined;
    if (answer.status < 200 || answer.status > 299) {
        return { exitCode: 1, stdout: '', stderr: daemonError(answer.body) };
    }
    const stdout = shortcut.stdout(answer);
    return stdout === undefined ? undefined : { exitCode: 0, stdout, stderr: '' };
}

;// CONCATENATED MODULE: ./src/docker/output-tail.ts
// The last part of a long output, kept without holding all of it.
/**
 * Keeps the last `limit` characters of a stream without holding all of it. Chunks are joined only
 * when the kept text grows to twice the limit, so a long log costs linear time, not a copy of the
 * whole tail per chunk.
 */
class OutputTail {
    limit;
    text = '';
    constructor(limit) {
        this.limit = limit;
    }
    append(chunk) {
        this.text += chunk;
        if (this.text.length > 2 * this.limit)
            this.text = this.text.slice(-this.limit);
    }
    toString() {
        return this.text.slice(-this.limit);
    }
}

;// CONCATENATED MODULE: ./src/docker/engine-push.ts
// `docker push` through the engine's API on its unix socket: no CLI process, the CLI's output and exit
// code, the login in the X-Registry-Auth header (never an argument, never a log line).





/** `docker push` ends with `<tag>: digest: sha256:… size: N`. */
function digestFromPushOutput(output) {
    const matches = Array.from(output.matchAll(/digest: (sha256:[a-f0-9]{64})/g));
    return matches.at(-1)?.[1];
}
/** One progress message; the registry's error messages are quoted in them, so any length. */
const LINE_LIMIT = 64 * 1024;
/** A push of many large layers sends a few MiB of progress; far more is not a push we follow. */
const STREAM_LIMIT = 64 * 1024 * 1024;
/** What is kept of the output for the caller, as the CLI's capture keeps. */
const KEPT = 64 * 1024;
/** A refusal before the push starts (no such image) is one short JSON message. */
const REFUSAL_LIMIT = 64 * 1024;
/** Where the CLI says a login for Docker Hub goes. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
/**
 * The header as the CLI encodes it: the login's JSON in base64url with its padding (the engine
 * decodes Go's padded URL alphabet), `{}` for an anonymous push.
 */
function registryAuthHeader(login, registry) {
    const serveraddress = registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry;
    const config = login === undefined
        ? {}
        : 'identityToken' in login
            ? { identitytoken: login.identityToken, serveraddress }
            : { username: login.username, password: login.password, serveraddress };
    return Buffer.from(JSON.stringify(config))
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
}
/** What a progress stream said, line by line: the lines the CLI would print, its error, its digest. */
class PushProgress {
    show;
    stdout = new OutputTail(KEPT);
    error;
    digest;
    constructor(show) {
        this.show = show;
    }
    /** One line of the stream; text that is no JSON message is passed over, as the CLI does. */
    line(text) {
        let message;
        try {
            const parsed = JSON.parse(text);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
                return;
            message = parsed;
        }
        catch {
            return;
        }
        const detail = message.errorDetail;
        const error = typeof detail?.message === 'string' ? detail.message : message.error;
        if (typeof error === 'string') {
            this.error = error;
            return;
        }
        const aux = message.aux;
        if (typeof aux?.Digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(aux.Digest)) {
            this.digest = aux.Digest;
        }
        // The CLI prints no progress bars when its output is not a terminal, nor the aux messages.
        if (typeof message.status !== 'string' || aux !== undefined || hasProgress(message))
            return;
        const id = typeof message.id === 'string' && message.id !== '' ? `${message.id}: ` : '';
        const printed = `${id}${message.status}\n`;
        this.stdout.append(printed);
        this.show?.(printed);
    }
    /** The CLI's result: exit 1 with the error on stderr when the stream ended with one. */
    result(failure) {
        const error = failure ?? this.error;
        return {
            exitCode: error === undefined ? 0 : 1,
            stdout: this.stdout.toString(),
            stderr: error === undefined ? '' : `${error}\n`,
            // The containerd image store sends no aux message: its status line says the digest.
            digest: error === undefined
                ? (this.digest ?? digestFromPushOutput(this.stdout.toString()))
                : undefined
        };
    }
}
function hasProgress(message) {
    const detail = message.progressDetail;
    const moving = typeof detail === 'object' && detail !== null && Object.keys(detail).length > 0;
    return moving || (typeof message.progress === 'string' && message.progress !== '');
}
/**
 * POST /images/{name}/push?tag=…; undefined when the socket does not answer (missing, refused),
 * so the caller runs the CLI, which then shows its own command line and says why in its own words.
 * A stream cut short or over its caps is a failed push: closing the connection cancels it.
 */
function pushThroughEngine(socketPath, { repository, tag, auth }, show) {
    const name = repository.split('/').map(encodeURIComponent).join('/');
    const path = `/images/${name}/push?${new URLSearchParams({ tag }).toString()}`;
    const headers = { Host: 'docker', 'X-Registry-Auth': auth, 'Content-Length': '0' };
    return new Promise((resolve) => {
        const call = (0,external_node_http_.request)({ socketPath, method: 'POST', path, headers }, (response) => {
            show?.(`[command]docker push ${repository}:${tag}${external_node_os_namespaceObject.EOL}`);
            const status = response.statusCode ?? 0;
            if (status < 200 || status > 299) {
                readCapped(response, response.headers['content-length'] ?? null, REFUSAL_LIMIT, "the engine's refusal", () => response.destroy()).then((body) => {
                    resolve(refused(body.toString('utf8')));
                }, () => {
                    resolve(refused(`the engine refused the push (${status})`));
                });
                return;
            }
            void followStream(response, new PushProgress(show), () => response.destroy()).then(resolve);
        });
        call.on('error', () => {
            resolve(undefined);
        });
        call.end();
    });
}
/** The daemon's refusal as the CLI prints it: `Error response from daemon: <message>`. */
function refused(body) {
    let message = body.trim();
    try {
        const parsed = JSON.parse(body);
        if (typeof parsed.message === 'string')
            message = parsed.message;
    }
    catch {
        // Not JSON: the text itself.
    }
    return {
        exitCode: 1,
        stdout: '',
        stderr: `Error response from daemon: ${message}\n`,
        digest: undefined
    };
}
async function followStream(body, progress, stop) {
    const decoder = new TextDecoder();
    let pending = '';
    let received = 0;
    try {
        for await (const chunk of body) {
            received += chunk.byteLength;
            pending += decoder.decode(chunk, { stream: true });
            const lines = pending.split('\n');
            pending = lines.pop() ?? '';
            if (received > STREAM_LIMIT || pending.length > LINE_LIMIT) {
                stop();
                return progress.result(`the engine's answer to the push is longer than ${received > STREAM_LIMIT ? '64 MiB' : 'a 64 KiB line'}: stopped reading`);
            }
            for (const line of lines)
                if (line.length <= LINE_LIMIT)
                    progress.line(line);
        }
    }
    catch {
        return progress.result("the engine's answer to the push ended early");
    }
    if (pending.trim() !== '')
        progress.line(pending);
    return progress.result();
}

;// CONCATENATED MODULE: ./src/docker/docker.ts
// The one place `docker` runs: argv arrays only, secrets through stdin or the environment.











const CAPTURE_LIMIT = 1024 * 1024;
class Docker {
    baseEnv;
    probes;
    constructor(baseEnv = {}, probes = {}) {
        this.baseEnv = baseEnv;
        this.probes = probes;
    }
    /**
     * A client bound to a Docker config directory (where `login` stores credentials). It shares the
     * probes: our config links the job's cli-plugins and buildx directories, so the answers hold.
     */
    withConfig(configDir) {
        return new Docker({ ...this.baseEnv, DOCKER_CONFIG: configDir }, this.probes);
    }
    get configDir() {
        return this.baseEnv.DOCKER_CONFIG;
    }
    /**
     * `docker ARGS`; `docker buildx …` runs the plugin itself, standalone, where the CLI would find
     * it: the CLI's start and its plugin handshake cost a build about as much as a second process.
     */
    async run(args, options = {}) {
        if (args[0] === 'buildx') {
            const plugin = await this.buildxPlugin();
            if (plugin !== undefined)
                return this.runTool(plugin, args.slice(1), options);
        }
        return this.runTool('docker', args, options);
    }
    /**
     * Finds the buildx plugin and the engine's socket (files only, no process, no request), so a run
     * that turns out to build starts its probes the moment it knows.
     */
    prepare() {
        this.buildxPlugin().catch(() => undefined);
        engineSocket(this.env()).catch(() => undefined);
    }
    /** The plugin `docker buildx` would run, looked for once; undefined where the CLI alone knows. */
    buildxPlugin() {
        this.probes.buildxPlugin ??= findBuildxPlugin(this.configDir ?? dockerConfigDir());
        return this.probes.buildxPlugin;
    }
    /** The environment docker runs with: the step's, this client's over it, then `extra`. */
    env(extra = {}) {
        return { ...definedEnv(process.env), ...this.baseEnv, ...extra };
    }
    /** `docker` or one of its plugins, run directly, with this client's environment. */
    async runTool(tool, args, options) {
        const env = this.env(options.env);
        const result = (await askEngineInstead(tool, args, options, env)) ??
            (await execTool(tool, args, options, env));
        if (result.exitCode !== 0 && options.allowFailure !== true) {
            throw new ActionError(`${tool} ${args[0] ?? ''} failed (exit ${result.exitCode}): ${lastLine(result.stderr || result.stdout)}`);
        }
        return result;
    }
    /**
     * `docker push` of `repository:tag`, never failing by itself: through the engine's API where the
     * CLI would talk to its socket, with the login the CLI would hand the engine from this client's
     * config; the CLI where there is no such socket or it does not answer (a remote engine, a context).
     */
    async push(repository, tag, registry) {
        const env = this.env();
        const socket = await engineSocket(env);
        if (socket !== undefined) {
            const login = await loginFromDockerConfig(registry, dockerConfigDir(env));
            const auth = registryAuthHeader(login, registry);
            const pushed = await untrustedLog.stream((show) => pushThroughEngine(socket, { repository, tag, auth }, show));
            if (pushed !== undefined)
                return pushed;
        }
        const result = await this.run(['push', `${repository}:${tag}`], { allowFailure: true });
        return { ...result, digest: digestFromPushOutput(result.stdout) };
    }
    /** Fails with a clear message when no engine answers. */
    async ensureEngine() {
        const result = await this.run(['version', '--format', '{{.Server.Version}}'], {
            silent: true,
            allowFailure: true
        });
        if (result.exitCode !== 0 || result.stdout.trim() === '') {
            throw new ActionError(`no Docker engine is reachable: ${lastLine(result.stderr) || 'docker version printed nothing'}`);
        }
        return result.stdout.trim();
    }
    /**
     * Whether `docker buildx` runs, without a process where the plugin is found on disk and its
     * version was not asked already (the process would cost a build start about 60 ms); else the
     * CLI is asked.
     */
    async buildx() {
        const asked = this.probes.buildxVersion !== undefined;
        if (!asked && (await this.buildxPlugin()) !== undefined)
            return { available: true, version: undefined };
        const version = await this.buildxVersion();
        return { available: version !== undefined, version };
    }
    /** What `docker buildx version` prints, asked once; undefined when buildx is missing. */
    buildxVersion() {
        this.probes.buildxVersion ??= this.askBuildxVersion();
        return this.probes.buildxVersion;
    }
    /** Of the plugin itself where the CLI would find it (the same line), else of the CLI. */
    async askBuildxVersion() {
        const result = await this.run(['buildx', 'version'], { silent: true, allowFailure: true });
        return result.exitCode === 0 ? lastLine(result.stdout) : undefined;
    }
}
/** A quiet question or small change the engine's API answers without a CLI process. */
async function askEngineInstead(tool, args, options, env) {
    const quiet = options.silent === true && options.input === undefined;
    if (tool !== 'docker' || !quiet || options.onOutput !== undefined)
        return undefined;
    const socket = await engineSocket(env);
    return socket === undefined ? undefined : runShortcut(socket, args);
}
async function execTool(tool, args, options, env) {
    const stdout = new OutputTail(CAPTURE_LIMIT);
    const stderr = new OutputTail(CAPTURE_LIMIT);
    const execute = (show) => runTool(tool, args, {
        env,
        ...(options.input === undefined ? {} : { input: options.input }),
        onStdout: (data) => {
            stdout.append(data.toString('utf8'));
            options.onOutput?.(data);
            show?.(data);
        },
        onStderr: (data) => {
            stderr.append(data.toString('utf8'));
            options.onOutput?.(data);
            show?.(data);
        }
    });
    try {
        const exitCode = options.silent === true
            ? await execute(undefined)
            : await untrustedLog.stream((show) => {
                show(`[command]${tool} ${args.join(' ')}${external_node_os_namespaceObject.EOL}`);
                return execute(show);
            });
        return { exitCode, stdout: stdout.toString(), stderr: stderr.toString() };
    }
    catch (error) {
        throw new ActionError(`could not run docker: ${error instanceof Error ? error.message : String(error)}`);
    }
}
function lastLine(text) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return lines.at(-1) ?? '';
}
function definedEnv(env) {
    const result = {};
    for (const [key, value] of Object.entries(env))
        if (value !== undefined)
            result[key] = value;
    return result;
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

;// CONCATENATED MODULE: ./src/git/head.ts
// The commit HEAD names, read from the repository's files as git reads them: a re-run that reuses
// its image learns its SHA tag without starting a process. Anything this does not read as git
// would (GIT_DIR and kin, reftable, a SHA-256 repository, an unborn branch) gives undefined, and
// git itself is asked.


/** HEAD, a loose ref, `.git` and `commondir` files: a line each. */
const SMALL_FILE_LIMIT = 4096;
/** packed-refs of a big repository with many tags; past this git is asked. */
const PACKED_REFS_LIMIT = 4 * 1024 * 1024;
const SHA1 = /^[0-9a-f]{40}$/;
/** Variables that make git look elsewhere than the directories above the context. */
const REDIRECTING_VARIABLES = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_CEILING_DIRECTORIES'
];
/** The file's text, or undefined when it is missing, not a file or longer than `limit`. */
function readSmall(path, limit = SMALL_FILE_LIMIT) {
    const stat = (0,external_node_fs_namespaceObject.statSync)(path, { throwIfNoEntry: false });
    if (stat?.isFile() !== true || stat.size > limit)
        return undefined;
    const buffer = Buffer.alloc(stat.size);
    const fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    try {
        const read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, stat.size, 0);
        return buffer.subarray(0, read).toString('utf8');
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The git directory of the work tree `dir` is in: `.git`, or where a `.git` file points. */
function gitDirAbove(dir) {
    let real;
    try {
        // As git does after its chdir: a symlinked directory is looked above where it really is.
        real = (0,external_node_fs_namespaceObject.realpathSync)(dir);
    }
    catch {
        return undefined;
    }
    for (let at = real;; at = (0,external_node_path_namespaceObject.dirname)(at)) {
        const dotGit = (0,external_node_path_namespaceObject.join)(at, '.git');
        const stat = (0,external_node_fs_namespaceObject.statSync)(dotGit, { throwIfNoEntry: false });
        if (stat?.isDirectory() === true)
            return dotGit;
        if (stat?.isFile() === true) {
            const pointer = /^gitdir: (.+)$/.exec(readSmall(dotGit)?.trim() ?? '')?.[1];
            return pointer === undefined ? undefined : (0,external_node_path_namespaceObject.resolve)(at, pointer);
        }
        if ((0,external_node_path_namespaceObject.dirname)(at) === at)
            return undefined;
    }
}
/** Where the refs of a linked work tree's repository are; the git directory itself otherwise. */
function commonDir(gitDir) {
    const common = readSmall((0,external_node_path_namespaceObject.join)(gitDir, 'commondir'))?.trim();
    if (common === undefined || common === '')
        return gitDir;
    return (0,external_node_path_namespaceObject.isAbsolute)(common) ? common : (0,external_node_path_namespaceObject.resolve)(gitDir, common);
}
function packedRef(commonGitDir, ref) {
    const packed = readSmall((0,external_node_path_namespaceObject.join)(commonGitDir, 'packed-refs'), PACKED_REFS_LIMIT);
    for (const line of packed?.split('\n') ?? []) {
        const [sha, name] = line.trim().split(' ');
        if (name === ref && sha !== undefined && SHA1.test(sha))
            return sha;
    }
    return undefined;
}
/** The full SHA of HEAD for the work tree `dir` is in, or undefined where git must be asked. */
function headFromFiles(dir, env = process.env) {
    if (REDIRECTING_VARIABLES.some((name) => env[name] !== undefined))
        return undefined;
    const gitDir = gitDirAbove(dir);
    if (gitDir === undefined)
        return undefined;
    const head = readSmall((0,external_node_path_namespaceObject.join)(gitDir, 'HEAD'))?.trim();
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
        const loose = readSmall((0,external_node_path_namespaceObject.join)(base, ref))?.trim();
        if (loose !== undefined)
            return SHA1.test(loose) ? loose : undefined;
    }
    return packedRef(common, ref);
}

;// CONCATENATED MODULE: ./src/git/checkout.ts
// What git says about the checkout the build context sits in.


const GIT_OUTPUT_LIMIT = 64 * 1024;
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
async function hasUncommittedChanges(dir) {
    try {
        const status = await git(dir, ['status', '--porcelain']);
        return status.exitCode === 0 && status.stdout !== '';
    }
    catch {
        return false;
    }
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

;// CONCATENATED MODULE: ./src/random-hex.ts
// Random names for what a run makes (run tags, test containers, stop tokens). node:crypto is loaded
// when the first name is drawn, not at start: a re-run that reuses its image draws none.
/** `bytes` random bytes as lower-case hex. */
function randomHex(bytes) {
    return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}

;// CONCATENATED MODULE: ./src/pipeline/test-containers.ts
// The containers the tests and the smoke test run in: named, saved for the post step before they
// start, and removed afterwards, on a timeout, or when the step is cancelled.




/** The only names the post step will remove, one per state entry: state read back may be forged. */
const CONTAINER_NAMES = {
    test: /^immutable-image-test-[0-9a-f]{12}$/,
    smoke: /^immutable-image-smoke-[0-9a-f]{12}$/
};
const SAVE = {
    test: saveTestContainer,
    smoke: saveSmokeContainer
};
/** The containers the run has started and not yet removed: the tests' and the smoke test's never overlap. */
const running = new Map();
let cancelling;
/** A fresh name, saved for the post step before the container exists, and watched for cancellation. */
function watchNewContainer(docker, kind) {
    const name = `immutable-image-${kind}-${randomHex(6)}`;
    SAVE[kind](name);
    running.set(name, { docker, name, kind });
    return name;
}
/**
 * Removes the container once it is done with; a cancellation under way removes it and exits first.
 * Once it is gone the post step is told there is nothing left to remove.
 */
async function removeWatchedContainer(docker, name) {
    if (cancelling !== undefined)
        await cancelling;
    const { gone } = await removeContainer(docker, name);
    const watched = running.get(name);
    running.delete(name);
    if (gone && watched !== undefined)
        SAVE[watched.kind]('');
}
/** Removals still under way: the run goes on (to the push) while the engine removes a container. */
const removals = new Set();
/** Removes the container while the run goes on; `settleRemovals` waits for it before the step ends. */
function removeWhileGoingOn(docker, name) {
    const removal = removeWatchedContainer(docker, name)
        .catch(() => undefined)
        .finally(() => removals.delete(removal));
    removals.add(removal);
}
/** Waits for every removal started with `removeWhileGoingOn`; one that failed leaves its state set. */
async function settleRemovals() {
    await Promise.all([...removals]);
}
/**
 * Kills and removes a container with its anonymous volumes (`--rm` would have taken them, a bare
 * `docker kill` leaves them); true when there was one to remove.
 */
async function removeTestContainer(docker, name) {
    return (await removeContainer(docker, name)).removed;
}
/** `gone` also when there was none: a timeout may have removed it first. */
async function removeContainer(docker, name) {
    const result = await docker.run(['rm', '--force', '--volumes', name], {
        silent: true,
        allowFailure: true
    });
    const removed = result.exitCode === 0 && result.stdout.includes(name);
    return { removed, gone: removed || /no such container/i.test(result.stderr) };
}
/**
 * On SIGINT or SIGTERM (the runner cancelling the step): remove the running containers, then exit
 * with the signal's code. Nothing after the tests runs: no push, no comment.
 */
function cancelTests(signal) {
    cancelling ??= (async () => {
        try {
            for (const container of running.values()) {
                info(`${signal}: removing the ${container.kind} container ${container.name} before exiting.`);
                await removeTestContainer(container.docker, container.name);
            }
        }
        finally {
            // Whatever happened above, the step ends now; the post step retries the removal.
            process.exit(128 + external_node_os_namespaceObject.constants.signals[signal]);
        }
    })();
    return cancelling;
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

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};



;// CONCATENATED MODULE: ./src/settings/input-list.ts
// List inputs read as docker/build-push-action reads them, so a `with:` block carries over as written.


/**
 * One item a line, or several on a line separated by commas; a double-quoted item may hold commas,
 * line breaks and `""` for a quote. Blank items are dropped.
 */
function csvList(name, options = {}) {
    const raw = getInput(name, { trimWhitespace: options.keepWhitespace !== true });
    return parseCsvList(raw, options);
}
/** csvList's parsing, given the input's text. */
function parseCsvList(raw, options = {}) {
    if (raw === '')
        return [];
    const records = parse(raw, {
        relaxQuotes: true,
        relaxColumnCount: true,
        skipEmptyLines: true
    });
    const items = records.flatMap((record) => {
        if (options.ignoreComma === true)
            return [record.join(',')];
        return record.length === 1 ? (record[0] ?? '').split(',') : record;
    });
    return items
        .filter((item) => item !== '')
        .map((item) => (options.keepWhitespace === true ? item : item.trim()))
        .filter((item) => item !== '');
}
/** The fields of one `key=value,key=value` item (a bare word is a field with no `=`). */
function csvFields(item) {
    const records = parse(item, {
        relaxQuotes: true,
        relaxColumnCount: true,
        skipEmptyLines: true,
        trim: true
    });
    return (records[0] ?? []).filter((field) => field !== '');
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
    throw new InputError(name, `expected true or false, got '${printable(value)}'`);
}
function oneOf(name, choices, fallback) {
    const value = inputs_text(name);
    if (value === '')
        return fallback;
    const choice = choices.find((candidate) => candidate === value);
    if (choice === undefined) {
        throw new InputError(name, `expected one of ${choices.join(', ')}, got '${printable(value)}'`);
    }
    return choice;
}
function seconds(name, fallback) {
    const value = inputs_text(name);
    if (value === '')
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 6 * 60 * 60) {
        throw new InputError(name, `expected a whole number of seconds from 1 to 21600, got '${printable(value)}'`);
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
            throw new InputError(name, `line ${index + 1}: '${printable(key)}' is not a valid name`);
        }
        pairs.set(key, line.slice(separator + 1));
    });
    return pairs;
}
/** Quotes user text in an error message without letting it span lines or run on. */
function printable(value) {
    const oneLine = value.replace(/[\r\n\t]/g, ' ');
    return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
/** A Dockerfile stage name, as `docker build --target` takes it; undefined when empty. */
function stageName(name) {
    const stage = inputs_text(name);
    if (stage === '')
        return undefined;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stage)) {
        throw new InputError(name, `'${printable(stage)}' is not a valid build stage name`);
    }
    return stage;
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

;// CONCATENATED MODULE: ./src/settings/platforms.ts
// The `platforms` input: the OCI platforms one buildx build makes into one index.




/** build-push-action's syntax: comma- or newline-separated `os/arch[/variant]` items. */
function platformsInput() {
    const platforms = [];
    for (const item of csvList('platforms')) {
        let platform;
        try {
            platform = parsePlatform(item);
        }
        catch (error) {
            if (error instanceof InvalidPlatformError) {
                throw new InputError('platforms', `'${printable(item)}' is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`);
            }
            throw error;
        }
        if (platforms.some((seen) => samePlatform(seen, platform))) {
            throw new InputError('platforms', `${formatPlatform(platform)} is given more than once`);
        }
        platforms.push(platform);
    }
    return platforms;
}

;// CONCATENATED MODULE: ./src/settings/buildx-inputs.ts
// The build inputs docker/build-push-action users carry over (secrets, cache, attestations, flags).





const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const buildx_inputs_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CACHE_TYPES = ['registry', 'local', 'inline', 'gha', 's3', 'azblob'];
/** Cache attributes that hold a credential: on docker's command line any process could read it. */
const CREDENTIAL_ATTRIBUTES = ['token', 'ghtoken', 'secret_access_key', 'session_token'];
const ULIMIT = /^[a-z]+=-?\d+(:-?\d+)?$/;
const ADD_HOST = /^[A-Za-z0-9][A-Za-z0-9_.-]*[:=]\S+$/;
const BUILD_CONTEXT = /^[A-Za-z0-9][A-Za-z0-9_./:-]*=\S.*$/;
const SIZE = /^[1-9]\d*[bkmg]?$/i;
function buildxInputs(env) {
    const secrets = secretsInput();
    const secretEnvs = secretEnvsInput(secrets, env);
    const cacheFrom = cacheInput('cache-from');
    const cacheTo = cacheInput('cache-to');
    if ([...cacheFrom, ...cacheTo].some(isGhaCache))
        maskRuntimeToken(env);
    return {
        secrets,
        secretEnvs,
        cacheFrom,
        cacheTo,
        buildContexts: patterned('build-contexts', BUILD_CONTEXT, 'name=source', true),
        ssh: sshInput(),
        provenance: provenanceInput(env),
        sbom: sbomInput(),
        pull: inputs_boolean('pull', false),
        noCache: inputs_boolean('no-cache', false),
        shmSize: shmSizeInput(),
        ulimits: patterned('ulimit', ULIMIT, 'name=soft[:hard], e.g. nofile=1024:1024', true),
        addHosts: patterned('add-hosts', ADD_HOST, 'host:ip, e.g. registry.local:10.0.0.5', false),
        platforms: platformsInput()
    };
}
/**
 * `id=value` items; a value may hold `=`, commas and line breaks (quote the item for those). Each
 * value is masked at once; no error quotes one.
 */
function secretsInput() {
    const secrets = csvList('secrets', { ignoreComma: true, keepWhitespace: true }).map((item, index) => {
        const separator = item.indexOf('=');
        const id = separator === -1 ? '' : item.slice(0, separator).trim();
        const value = separator === -1 ? '' : item.slice(separator + 1);
        if (value !== '')
            maskSecret(value);
        if (separator === -1 || value === '') {
            throw new InputError('secrets', `item ${index + 1} is not id=value (it has no value)`);
        }
        if (!SECRET_ID.test(id)) {
            throw new InputError('secrets', `item ${index + 1}: '${printable(id)}' is not a secret id`);
        }
        return { id, value };
    });
    refuseRepeatedIds('secrets', secrets);
    return secrets;
}
function secretEnvsInput(secrets, env) {
    const given = csvList('secret-envs').map((item, index) => {
        const [id = '', envName = '', ...rest] = item.split('=').map((part) => part.trim());
        if (rest.length > 0 || !SECRET_ID.test(id) || !buildx_inputs_ENV_NAME.test(envName)) {
            throw new InputError('secret-envs', `item ${index + 1}: '${printable(item)}' is not id=ENV_NAME, e.g. npm_token=NPM_TOKEN`);
        }
        const value = env[envName];
        if (value !== undefined && value !== '')
            maskSecret(value);
        return { id, envName };
    });
    refuseRepeatedIds('secret-envs', [...secrets, ...given]);
    return given;
}
function refuseRepeatedIds(name, secrets) {
    const seen = new Set();
    for (const { id } of secrets) {
        if (seen.has(id))
            throw new InputError(name, `the secret id '${id}' is given more than once`);
        seen.add(id);
    }
}
/** A multi-line value is masked line by line too: the runner matches masks within one line. */
function maskSecret(value) {
    setSecret(value);
    for (const line of value.split(/\r?\n/))
        if (line.trim() !== '')
            setSecret(line);
}
/** Items as buildx takes them: `type=…,key=value,…`, or a bare reference for a registry cache. */
function cacheInput(name) {
    return csvList(name, { ignoreComma: true }).map((item) => {
        const fields = csvFields(item);
        if (fields.length === 1 && !(fields[0] ?? '').includes('='))
            return item;
        for (const field of fields) {
            const [key, value] = splitField(field);
            if (value === undefined) {
                throw new InputError(name, `'${printable(item)}': '${printable(field)}' is not key=value`);
            }
            if (key === 'type' && !CACHE_TYPES.includes(value)) {
                throw new InputError(name, `'${printable(value)}' is not a cache type: expected one of ${CACHE_TYPES.join(', ')}`);
            }
            if (CREDENTIAL_ATTRIBUTES.includes(key)) {
                // The item is not quoted: it holds the credential.
                throw new InputError(name, `the ${key} attribute would put a credential on docker's command line: leave it out, buildx reads it from the environment (ACTIONS_RUNTIME_TOKEN for type=gha, AWS_* for type=s3)`);
            }
        }
        if (!fields.some((field) => field.startsWith('type='))) {
            throw new InputError(name, `'${printable(item)}' names no type= (e.g. type=registry,ref=…)`);
        }
        return item;
    });
}
function splitField(field) {
    const separator = field.indexOf('=');
    if (separator === -1)
        return [field, undefined];
    return [field.slice(0, separator).trim(), field.slice(separator + 1).trim()];
}
function isGhaCache(item) {
    return csvFields(item).includes('type=gha');
}
/** buildx hands the runner's cache token to BuildKit itself; it must not show in BuildKit's log. */
function maskRuntimeToken(env) {
    const token = env.ACTIONS_RUNTIME_TOKEN;
    if (token !== undefined && token !== '')
        setSecret(token);
}
function sshInput() {
    return csvList('ssh').map((item) => {
        if (/\s/.test(item) || item.startsWith('=') || item.endsWith('=')) {
            throw new InputError('ssh', `'${printable(item)}' is not default or id=socket-or-key-path`);
        }
        return item;
    });
}
function patterned(name, pattern, form, ignoreComma) {
    return csvList(name, { ignoreComma }).map((item) => {
        if (!pattern.test(item))
            throw new InputError(name, `'${printable(item)}' is not ${form}`);
        return item;
    });
}
function shmSizeInput() {
    const value = inputs_text('shm-size');
    if (value === '')
        return undefined;
    if (!SIZE.test(value)) {
        throw new InputError('shm-size', `'${printable(value)}' is not a size like 64m or 2g`);
    }
    return value.toLowerCase();
}
const buildx_inputs_TRUE_WORDS = ['true', 'True', 'TRUE'];
const buildx_inputs_FALSE_WORDS = ['false', 'False', 'FALSE'];
/**
 * As build-push-action: true records this run as the builder (`builder-id=<run URL>`), false turns
 * provenance off, anything else is buildx's attributes (mode=max, …), given a builder-id if none.
 */
function provenanceInput(env) {
    const value = inputs_text('provenance');
    if (value === '')
        return undefined;
    const builderId = `builder-id=${workflowRunUrl(env)}`;
    if (buildx_inputs_TRUE_WORDS.includes(value))
        return attestationAttributes(builderId);
    if (buildx_inputs_FALSE_WORDS.includes(value))
        return attestationAttributes('false');
    const attributes = attestationAttributes(value, 'provenance');
    return csvFields(attributes).some((field) => splitField(field)[0] === 'builder-id')
        ? attributes
        : `${attributes},${builderId}`;
}
function sbomInput() {
    const value = inputs_text('sbom');
    return value === '' ? undefined : attestationAttributes(value, 'sbom');
}
/**
 * buildx's attestation attributes, with a bare true/false turned into `disabled=…` as buildx's own
 * flag parsing does.
 */
function attestationAttributes(value, name) {
    return csvFields(value)
        .map((field) => {
        if (buildx_inputs_TRUE_WORDS.includes(field))
            return 'disabled=false';
        if (buildx_inputs_FALSE_WORDS.includes(field))
            return 'disabled=true';
        if (name !== undefined && (!field.includes('=') || field.startsWith('type='))) {
            throw new InputError(name, `'${printable(field)}' is not true, false or an attribute key=value (e.g. mode=max)`);
        }
        return field;
    })
        .join(',');
}
function workflowRunUrl(env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
}
/**
 * The inputs the classic builder cannot honour, in action.yml order: each needs BuildKit through
 * buildx.
 */
function buildxOnlyInputs(inputs) {
    const given = [
        ['secrets', inputs.secrets.length > 0],
        ['secret-envs', inputs.secretEnvs.length > 0],
        ['cache-from', inputs.cacheFrom.length > 0],
        ['cache-to', inputs.cacheTo.length > 0],
        ['build-contexts', inputs.buildContexts.length > 0],
        ['ssh', inputs.ssh.length > 0],
        ['provenance', asksForAttestation(inputs.provenance)],
        ['sbom', asksForAttestation(inputs.sbom)],
        ['platforms', inputs.platforms.length > 0]
    ];
    return given.filter(([, set]) => set).map(([name]) => name);
}
/** `provenance: false` asks for nothing the classic builder would make anyway. */
function asksForAttestation(attributes) {
    return attributes !== undefined && attributes !== 'disabled=true';
}
/** Throws one line naming the first input the classic builder cannot honour. */
function requireBuilderFor(inputs, buildx) {
    if (buildx)
        return;
    const [first] = buildxOnlyInputs(inputs);
    if (first === undefined)
        return;
    throw new InputError(first, 'needs docker buildx (BuildKit), and this runner has only the classic builder: install the buildx plugin (docker/setup-buildx-action) or leave the input out');
}

;// CONCATENATED MODULE: ./src/pipeline/engine-check.ts
// The engine and buildx, each asked once, and only by a run that builds: a re-run that reuses the
// SHA tag never starts docker.



class EngineCheck {
    docker;
    buildx;
    engineVersion;
    constructor(docker, buildx) {
        this.docker = docker;
        this.buildx = buildx;
    }
    get needsBuildx() {
        return buildxOnlyInputs(this.buildx).length > 0;
    }
    /** Readies what the probes need without starting them: a re-run that reuses its image starts none. */
    prepare() {
        this.docker.prepare();
    }
    /** Starts both probes, to run while git and the registry are asked; `ready` reads the answers. */
    start() {
        if (this.engineVersion !== undefined)
            return;
        // buildx first: its version is a process. Only inputs the classic builder refuses need it
        // before the build; otherwise the plugin found on disk builds, and is asked only if it fails.
        if (this.needsBuildx)
            this.docker.buildxVersion().catch(() => undefined);
        else
            this.docker.buildx().catch(() => undefined);
        this.engineVersion = this.docker.ensureEngine();
        // Awaited in `ready`; until then a failure must not count as unhandled.
        this.engineVersion.catch(() => undefined);
    }
    /** Fails when no engine answers, or when an input needs buildx and the runner has none. */
    async ready() {
        this.start();
        const version = this.engineVersion ?? Promise.resolve('');
        await group('Docker engine', async () => {
            info(`Engine ${untrustedText(await version)}`);
        });
        if (this.needsBuildx)
            requireBuilderFor(this.buildx, (await this.docker.buildxVersion()) !== undefined);
    }
}

;// CONCATENATED MODULE: ./src/registry/errors.ts
// A registry failure that keeps where it happened and what the registry itself said.


/** A failure the user can act on, as every registry refusal is: reported without a stack. */
class RegistryError extends ActionError {
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

;// CONCATENATED MODULE: ./src/pipeline/existing-tag.ts
// Reuse, fail or rebuild: what if-exists makes of the image the registry holds under the SHA tag.

function registryQuestion(policy) {
    if (!policy.push || policy.ifExists === 'overwrite')
        return 'none';
    return policy.ifExists === 'fail' ? 'tag' : 'tag-and-revision';
}
/** Whether the registry's answer can end the run before anything is built (by digest it is never asked). */
function mayReuseShaTag(policy) {
    return !policy.pushByDigest && registryQuestion(policy) === 'tag-and-revision';
}
function chooseForExistingTag(policy, held, wanted) {
    if (registryQuestion(policy) === 'none' || held.kind === 'nothing')
        return { kind: 'build' };
    if (policy.ifExists === 'fail') {
        return {
            kind: 'fail',
            why: `${wanted.reference} already exists (${held.digest}) and if-exists is 'fail'`
        };
    }
    if (held.kind === 'tag') {
        throw new Error(`reusing ${wanted.reference} needs the commit it holds, which was not read`);
    }
    const why = notThisCommit(held.revisions, wanted);
    return why === undefined ? { kind: 'reuse', digest: held.digest } : { kind: 'fail', why };
}
/**
 * Why an image may not stand for this commit, or undefined when every platform image's revision
 * label is this very commit. A short SHA tag can name another commit (seven hex digits collide by
 * chance in big repositories, and a fork can grind one on purpose): the tests of other code must
 * not pass for this one.
 */
function notThisCommit(revisions, wanted) {
    const mismatch = revisions.findIndex((revision) => revision !== wanted.sha);
    if (mismatch === -1)
        return undefined;
    const other = revisions[mismatch];
    const held = other === undefined ? 'an image with no revision label' : `commit ${registryText(other)}`;
    return `${wanted.reference} holds ${held}, not this commit ${wanted.sha}: it is not reused (if-exists: overwrite replaces it)`;
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

;// CONCATENATED MODULE: ./src/registry/repository.ts

class ImageRepository {
    client;
    image;
    name;
    constructor(client, image) {
        this.client = client;
        this.image = image;
        this.name = repositoryName(image);
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

;// CONCATENATED MODULE: ./src/docker/args.ts
// Pure argv builders for the docker commands the actions run.
function buildArgs(command) {
    const args = command.buildx ? ['buildx', 'build', '--load'] : ['build'];
    args.push('--file', command.file);
    for (const tag of command.tags)
        args.push('--tag', tag);
    for (const name of command.buildArgNames)
        args.push('--build-arg', name);
    for (const [key, value] of command.labels)
        args.push('--label', `${key}=${value}`);
    if (command.buildx) {
        // On the manifest, and on its descriptor in the index buildx makes around it (with the
        // attestations): a re-run reads the commit from the index alone.
        for (const [key, value] of command.manifestAnnotations) {
            args.push('--annotation', `manifest:${key}=${value}`);
            args.push('--annotation', `manifest-descriptor:${key}=${value}`);
        }
    }
    if (command.target !== undefined)
        args.push('--target', command.target);
    if (command.network !== undefined)
        args.push('--network', command.network);
    if (command.buildx && command.platforms.length > 0) {
        args.push('--platform', command.platforms.join(','));
    }
    args.push(...command.inputFlags);
    args.push(command.context);
    return args;
}
/**
 * Whether a buildx, by the line `docker buildx version` prints (`github.com/docker/buildx v0.13.1 …`),
 * takes `--annotation`: 0.12 and later. Unreadable versions are taken not to.
 */
function buildxAnnotates(version) {
    const match = /\bv?(\d+)\.(\d+)\.\d+/.exec(version);
    if (match === null)
        return false;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    return major > 0 || minor >= 12;
}
function testRunArgs(run) {
    const [entrypoint, ...rest] = run.command;
    if (entrypoint === undefined)
        throw new Error('the test command is empty');
    // No --rm: the container's state (OOMKilled) is read after it exits; the caller removes it.
    const args = ['run', ...containerLimits(run)];
    args.push('--entrypoint', entrypoint, run.imageId, ...rest);
    return args;
}
/**
 * Starts it detached with its own ENTRYPOINT and CMD. No `--rm`: when it exits, its exit code and
 * log are what the report needs, so its remover takes it away.
 */
function productionRunArgs(run) {
    return ['run', '--detach', ...containerLimits(run), run.imageId];
}
function containerLimits(run) {
    const args = ['--name', run.containerName, '--network', run.network, '--pull', 'never'];
    if (run.platform !== undefined)
        args.push('--platform', run.platform);
    // Untrusted code: no new privileges, bounded memory and processes, no host mounts.
    args.push('--security-opt', 'no-new-privileges');
    if (run.memory !== undefined)
        args.push('--memory', run.memory);
    if (run.pidsLimit !== undefined)
        args.push('--pids-limit', String(run.pidsLimit));
    for (const name of run.envNames)
        args.push('--env', name);
    return args;
}
/** Runs `command` in the running container: its environment and user, the image's working directory. */
function execArgs(containerName, command) {
    if (command.length === 0)
        throw new Error('the command is empty');
    return ['exec', containerName, ...command];
}
/** The container's state (running, exit code, health) as one line of JSON. */
function containerStateArgs(containerName) {
    return ['container', 'inspect', '--format', '{{json .State}}', containerName];
}
function containerLogArgs(containerName, lines) {
    return ['logs', '--tail', String(lines), containerName];
}

;// CONCATENATED MODULE: ./src/docker/build-error.ts
// Finds a failed build's own error in its output: the failing step's last lines and the error line.
/** Lines of the failing step's own output kept; the step's header and the error are kept apart. */
const STEP_LINES = 20;
/** Lines quoted at most, and characters a line: a build's output is the pull request's to write. */
const MAX_LINES = 40;
const MAX_LINE_CHARS = 500;
/** Lines quoted when the output has neither buildx's nor the classic builder's shape. */
const FALLBACK_LINES = 10;
/**
 * buildx's plain progress prints each step's log as `#<step> <seconds> <line>`, and ends a failed
 * build with a Dockerfile excerpt and `ERROR: failed to solve: …`; the classic builder prints
 * `Step N/M : …`, the step's output and the daemon's message. Anything else: its last lines.
 */
function buildError(output, builder) {
    const lines = outputLines(output);
    const found = (builder === 'buildx' ? buildxError(lines) : classicError(lines)) ?? lastLines(lines);
    return { summary: summaryLine(lines, builder), lines: found.map(capLine).slice(-MAX_LINES) };
}
function outputLines(output) {
    // eslint-disable-next-line no-control-regex
    const plain = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r(?!\n)/g, '\n');
    const lines = plain.split(/\r?\n/).map((line) => line.trimEnd());
    while (lines.at(-1) === '')
        lines.pop();
    return lines;
}
/**
 * The failing step (`#6 [app 1/2] RUN …`) and its last log lines, wherever parallel steps put them,
 * the Dockerfile excerpt buildx prints, and its last `ERROR:` line.
 */
function buildxError(lines) {
    const errorAt = lines.findLastIndex((line) => line.startsWith('ERROR: '));
    if (errorAt === -1)
        return undefined;
    const before = lines.slice(0, errorAt);
    return [...failingStep(before), ...dockerfileExcerpt(before), lines[errorAt] ?? ''];
}
function failingStep(lines) {
    const step = /^#(\d+) ERROR: /.exec(lines.findLast((line) => /^#\d+ ERROR: /.test(line)) ?? '')?.[1];
    if (step === undefined)
        return [];
    const prefix = `#${step} `;
    const header = lines.find((line) => line.startsWith(`${prefix}[`));
    const log = lines.flatMap((line) => {
        const match = /^#\d+ \d+\.\d+ (.*)$/.exec(line);
        return line.startsWith(prefix) && match !== null ? [match[1] ?? ''] : [];
    });
    return [...(header === undefined ? [] : [header.slice(prefix.length)]), ...lastOf(log)];
}
/** `Dockerfile:4` and the lines around it, between two `-----` rules, before the error. */
function dockerfileExcerpt(lines) {
    const start = lines.findLastIndex((line, index) => /^\S+:\d+$/.test(line) && /^-{8,}$/.test(lines[index + 1] ?? ''));
    return start === -1 ? [] : lines.slice(start).filter((line) => line !== '');
}
/** From the last `Step n/m : …` to the end; without one, the daemon's own `Error response …`. */
function classicError(lines) {
    const stepStart = lines.findLastIndex((line) => /^Step \d+\/\d+ : /.test(line));
    if (stepStart === -1) {
        const error = lines.findLast((line) => /^(Error response from daemon: |failed to )/.test(line));
        return error === undefined ? undefined : [error];
    }
    const stepOutput = lines
        .slice(stepStart + 1)
        .filter((line) => line !== '' && !line.startsWith(' ---> '));
    return [lines[stepStart] ?? '', ...lastOf(stepOutput)];
}
/** A step's last lines, saying how many came before. */
function lastOf(log) {
    if (log.length <= STEP_LINES)
        return [...log];
    return [`(${log.length - STEP_LINES} lines before)`, ...log.slice(-STEP_LINES)];
}
function lastLines(lines) {
    return lines.filter((line) => line.trim() !== '').slice(-FALLBACK_LINES);
}
/** buildx's last `ERROR:` line, or the last line: the classic builder ends with its error. */
function summaryLine(lines, builder) {
    const error = builder === 'buildx' ? lines.findLast((line) => line.startsWith('ERROR: ')) : undefined;
    const last = error ?? lines.findLast((line) => line.trim() !== '') ?? 'the build printed nothing';
    return capLine(last.trim());
}
function capLine(line) {
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
}

;// CONCATENATED MODULE: ./src/docker/buildx-args.ts
/** The variable that carries the n-th `secrets` value to buildx. */
function secretEnvName(index) {
    return `IMMUTABLE_IMAGE_SECRET_${index}`;
}
function inputFlags(inputs, build) {
    const args = [];
    const env = {};
    const shipped = build.stage === 'shipped';
    if (shipped && inputs.pull)
        args.push('--pull');
    if (shipped && inputs.noCache)
        args.push('--no-cache');
    if (inputs.shmSize !== undefined)
        args.push('--shm-size', inputs.shmSize);
    for (const ulimit of inputs.ulimits)
        args.push('--ulimit', ulimit);
    for (const host of inputs.addHosts)
        args.push('--add-host', host);
    if (!build.buildx)
        return { args, env };
    inputs.secrets.forEach(({ id, value }, index) => {
        const name = secretEnvName(index);
        args.push('--secret', `id=${id},env=${name}`);
        env[name] = value;
    });
    for (const { id, envName } of inputs.secretEnvs)
        args.push('--secret', `id=${id},env=${envName}`);
    for (const context of inputs.buildContexts)
        args.push('--build-context', context);
    for (const ssh of inputs.ssh)
        args.push('--ssh', ssh);
    for (const from of inputs.cacheFrom)
        args.push('--cache-from', from);
    if (shipped) {
        for (const to of inputs.cacheTo)
            args.push('--cache-to', to);
        if (inputs.provenance !== undefined) {
            args.push('--attest', `type=provenance,${inputs.provenance}`);
        }
        if (inputs.sbom !== undefined)
            args.push('--attest', `type=sbom,${inputs.sbom}`);
    }
    return { args, env };
}

;// CONCATENATED MODULE: ./src/pipeline/build-failure.ts


const SUMMARY_CHARS = 300;
class BuildFailedError extends ActionError {
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

;// CONCATENATED MODULE: ./src/pipeline/image-build.ts
// Builds the image from the context and reads back what was built.








/** The build output kept to find its error in: the failing step's log is at its end. */
const ERROR_TAIL_CHARS = 64 * 1024;
async function ociLabels(settings, revision, repositoryUrl) {
    return new Map([
        [REVISION_LABEL, revision.sha],
        ['org.opencontainers.image.source', repositoryUrl],
        ['org.opencontainers.image.created', await revision.createdAt()],
        ...settings.labels
    ]);
}
/**
 * The revision label again, as an annotation of the image manifest and of its descriptor in the
 * index: a re-run learns the commit from what it already fetched, without the config blob.
 */
function revisionAnnotation(labels) {
    const revision = labels.get(REVISION_LABEL);
    return new Map(revision === undefined ? [] : [[REVISION_LABEL, revision]]);
}
/** Builds the shipped image: `target`, or the Dockerfile's last stage. */
async function buildImage(docker, settings, tag, labels, platforms) {
    // The build names only a tag of this run's own: with the containerd image store, a build that
    // takes a name from another image deletes that image, and two builds naming one tag at once fail
    // with "already exists". The SHA tag is given with reclaimTag once the tests passed.
    const runTag = `${tag}-run-${randomHex(4)}`;
    return buildStage(docker, settings, labels, {
        runTag,
        target: settings.target,
        stage: 'shipped',
        what: 'the image build',
        platforms
    });
}
/**
 * Builds the test stage after the shipped one: the build cache holds the shipped stage's layers,
 * so only the test layers are built. It gets a local name of its own and is never pushed.
 */
async function buildTestStage(docker, settings, tag, labels, stage, platforms) {
    const runTag = `${tag}-test-${randomHex(4)}`;
    return buildStage(docker, settings, labels, {
        runTag,
        target: stage,
        stage: 'test',
        what: `the build of the test stage ${stage}`,
        platforms
    });
}
/** A buildx older than 0.12 stops at the flag, before building anything; nothing else is taken for it. */
const REFUSED_ANNOTATION = /^(ERROR: )?unknown flag: --annotation$/;
const CLASSIC_NOTICE = 'docker buildx is not available: using the classic builder';
async function buildStage(docker, settings, labels, build) {
    const started = Date.now();
    const { runTag } = build;
    const result = await buildWithWhatIsKnown(docker, settings, labels, build, await docker.buildx());
    if (result.exitCode !== 0) {
        throw new BuildFailedError(build.what, result.exitCode, buildError(result.output, result.buildx ? 'buildx' : 'classic'));
    }
    // Read back by the run tag, not --iidfile: with the containerd store buildx writes the config
    // digest there for a lone manifest (provenance off), and the store knows the image only by the
    // manifest's digest.
    const { id, sizeBytes, diffIds } = await inspectImage(docker, runTag);
    return {
        id,
        runTag,
        sizeBytes,
        layers: diffIds.length,
        diffIds,
        durationMs: Date.now() - started
    };
}
/**
 * A plugin found on disk builds without being asked its version first (a process on the way to
 * the build): it is taken to annotate, and what its failure shows is learnt after. One that refuses
 * --annotation builds again without it; one that fails without a word is asked its version, as the
 * CLI asks a plugin, and the classic builder builds where it gives none.
 */
async function buildWithWhatIsKnown(docker, settings, labels, build, { available, version }) {
    if (!available)
        info(CLASSIC_NOTICE);
    const annotate = available && (version === undefined || buildxAnnotates(version));
    const result = await runBuild(docker, settings, labels, build, { buildx: available, annotate });
    if (result.exitCode === 0 || !available || version !== undefined)
        return result;
    const output = result.output.trim();
    if (output === '') {
        if ((await docker.buildxVersion()) === undefined) {
            const classic = { available: false, version: undefined };
            return buildWithWhatIsKnown(docker, settings, labels, build, classic);
        }
    }
    else if (REFUSED_ANNOTATION.test(output)) {
        info('This buildx takes no --annotation (0.12 and later do): building without it');
        return runBuild(docker, settings, labels, build, { buildx: true, annotate: false });
    }
    return result;
}
async function runBuild(docker, settings, labels, build, { buildx, annotate }) {
    const flags = inputFlags(settings.buildx, { buildx, stage: build.stage });
    const args = buildArgs({
        buildx,
        manifestAnnotations: annotate ? revisionAnnotation(labels) : new Map(),
        context: settings.context,
        file: settings.file,
        tags: [build.runTag],
        buildArgNames: [...settings.buildArgs.keys()],
        labels,
        target: build.target,
        network: settings.network,
        inputFlags: flags.args,
        platforms: build.platforms
    });
    const output = new OutputTail(ERROR_TAIL_CHARS);
    const result = await docker.run(args, {
        // DOCKER_BUILDKIT=1 in the job's environment would make the client refuse to build without buildx.
        env: {
            ...Object.fromEntries(settings.buildArgs),
            ...flags.env,
            ...(buildx ? {} : { DOCKER_BUILDKIT: '0' })
        },
        allowFailure: true,
        onOutput: (chunk) => {
            output.append(chunk.toString('utf8'));
        }
    });
    return { exitCode: result.exitCode, output: output.toString(), buildx };
}
async function inspectImage(docker, reference) {
    const result = await docker.run(['image', 'inspect', '--format', '{{json .}}', reference], {
        silent: true
    });
    const image = JSON.parse(result.stdout);
    return { id: image.Id, sizeBytes: image.Size, diffIds: image.RootFS?.Layers ?? [] };
}
/** Gives the SHA tag back to the image this run built and tested, whoever built last. */
async function reclaimTag(docker, built, tag) {
    await docker.run(['tag', built.id, tag], { silent: true });
}
async function dropRunTag(docker, built) {
    const result = await docker.run(['image', 'rm', built.runTag], {
        silent: true,
        allowFailure: true
    });
    if (result.exitCode !== 0)
        core_warning(`could not remove the local tag ${built.runTag}`);
}
/** Drops the run tags of the images built, once nothing needs them. */
async function dropRunTags(docker, images) {
    for (const image of images)
        if (image !== undefined)
            await dropRunTag(await docker(), image);
}
/** What the report tells of the built image; unknown when nothing was built. */
function builtImageFacts(built) {
    return {
        sizeBytes: built?.sizeBytes,
        layers: built?.layers,
        buildDurationMs: built?.durationMs
    };
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

;// CONCATENATED MODULE: ./src/pipeline/before-build.ts
// What a run that builds makes sure of first, all at once: the engine and buildx answer, the
// credentials hold (when no lookup proved them), and whether the checkout holds uncommitted changes.


/** Resolves with the warning to add to the report, when the checkout holds uncommitted changes. */
async function checkBeforeBuild(check) {
    check.credentialsProof?.catch(() => undefined);
    // The probes first: the build waits on them, while git status has until the build ends. Its
    // process starts a turn later, once the probes' process and request are out.
    check.engine.start();
    const uncommitted = new Promise(setImmediate).then(() => uncommittedChangesWarning(check.context, check.sha));
    await check.engine.ready();
    await check.credentialsProof;
    const warning = await uncommitted;
    if (warning !== undefined)
        core_warning(warning);
    return warning;
}

;// CONCATENATED MODULE: ./src/registry/blob-upload.ts
// Uploads one small blob in a single request (POST, then PUT with the digest); skipped when present.



/**
 * A monolithic upload is one request body in memory: meant for records and configs, never for
 * layers, so a caller cannot hand us something large by mistake.
 */
const MAX_MONOLITHIC_BLOB = 1024 * 1024;
async function uploadBlob(transport, repository, mediaType, bytes, { ask = true } = {}) {
    if (bytes.length > MAX_MONOLITHIC_BLOB) {
        throw transport.error(`a blob of ${bytes.length} bytes is too large for a single-request upload`, repository);
    }
    const descriptor = { mediaType, digest: sha256Digest(bytes), size: bytes.length };
    if (ask && (await blobExists(transport, repository, descriptor.digest)))
        return descriptor;
    const location = await startUpload(transport, repository);
    await finishUpload(transport, repository, location, descriptor.digest, bytes);
    return descriptor;
}
/** POST to start an upload; the Location its next request goes to. */
async function startUpload(transport, repository) {
    const started = await transport.request({
        method: 'POST',
        repository,
        path: 'blobs/uploads/',
        headers: { 'content-length': '0' },
        bodyLimit: ERROR_BODY_LIMIT,
        what: `the answer to an upload to ${repository}`
    });
    return nextLocation(transport, repository, started, 'start an upload');
}
/** A 202 with a Location: where an upload's next request goes. */
function nextLocation(transport, repository, response, what) {
    expectStatus(transport, response, [202], repository, what);
    const location = response.headers.get('location');
    if (location === null) {
        throw transport.error(`registry ${transport.registry} could not ${what}: no Location`, repository);
    }
    return location;
}
/** The Location as a request path under the repository (uploadPath), its refusal as a registry error. */
function locationPath(transport, repository, location, digest) {
    try {
        return uploadPath(transport.baseUrl, repository, location, digest);
    }
    catch (error) {
        throw transport.error(`registry ${transport.registry}: ${error.message}`, repository);
    }
}
/**
 * The PUT that commits an upload as `digest`, with the last bytes when given; the registry must
 * say it stored that digest, when it says one.
 */
async function finishUpload(transport, repository, location, digest, lastBytes) {
    const finished = await transport.request({
        method: 'PUT',
        repository,
        path: locationPath(transport, repository, location, digest),
        headers: lastBytes === undefined
            ? { 'content-length': '0' }
            : { 'content-type': 'application/octet-stream' },
        ...(lastBytes === undefined ? {} : { body: lastBytes }),
        bodyLimit: ERROR_BODY_LIMIT,
        what: `the answer to the upload of ${digest}`
    });
    expectStatus(transport, finished, [201], repository, `finish the upload of ${digest}`);
    const stored = finished.headers.get('docker-content-digest');
    if (stored !== null && stored !== digest) {
        throw transport.error(`registry ${transport.registry} stored the blob as ${registryText(stored)}, but the blob sent was ${digest}`, repository);
    }
}
async function blobExists(transport, repository, digest) {
    const response = await transport.request({
        method: 'HEAD',
        repository,
        path: `blobs/${digest}`,
        bodyLimit: ERROR_BODY_LIMIT,
        what: `the blob ${repository}@${digest}`
    });
    if (response.status === 404)
        return false;
    expectStatus(transport, response, [200], repository, `look for the blob ${digest}`);
    return true;
}
/**
 * The upload's Location, relative or absolute, as a path under `/v2/<repository>/`, with the digest
 * added to its query when given (the request that finishes the upload). A Location on another origin or outside the repository's uploads is refused:
 * the transport would send our credentials there.
 */
function uploadPath(baseUrl, repository, location, digest) {
    const uploads = `/v2/${repository}/blobs/uploads/`;
    const base = new URL(uploads, baseUrl);
    let target;
    try {
        target = new URL(location, base);
    }
    catch {
        throw new Error(`the upload Location '${registryText(location)}' is not a URL`);
    }
    if (target.origin !== base.origin || !target.pathname.startsWith(uploads)) {
        throw new Error(`the upload Location '${registryText(location)}' is outside ${base.origin}${uploads}: refused`);
    }
    if (digest !== undefined)
        target.searchParams.set('digest', digest);
    return `${target.pathname.slice(`/v2/${repository}/`.length)}${target.search}`;
}
/** Throws the registry's own error, code and message, unless the status is one of `expected`. */
function expectStatus(transport, response, expected, repository, what) {
    if (expected.includes(response.status))
        return;
    const { code, message } = parseErrorBody(response.body.toString('utf8'));
    throw transport.error(`registry ${transport.registry} could not ${what}: ${response.status}${code === undefined ? '' : ` ${code}`}${message === undefined ? '' : ` (${message})`}`, repository, { status: response.status, code });
}

;// CONCATENATED MODULE: ./src/registry/chunked-upload.ts


/** At most this much of a layer is in memory at once. */
const UPLOAD_CHUNK = 8 * 1024 * 1024;
/**
 * Sends the bytes at `range` as the blob `descriptor`; skipped when the registry has it. Bytes that
 * do not hash to the digest are never committed: the upload is left unfinished.
 */
async function uploadFileBlob(transport, repository, descriptor, file, range) {
    if (range.size !== descriptor.size) {
        throw transport.error(`the blob ${descriptor.digest} is ${range.size} bytes, but its manifest says ${descriptor.size}`, repository);
    }
    if (await blobExists(transport, repository, descriptor.digest))
        return 'present';
    let location = await startUpload(transport, repository);
    const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
    const chunk = Buffer.alloc(Math.min(UPLOAD_CHUNK, Math.max(range.size, 1)));
    for (let sent = 0; sent < range.size;) {
        const length = Math.min(chunk.length, range.size - sent);
        const { bytesRead } = await file.read(chunk, 0, length, range.offset + sent);
        if (bytesRead !== length) {
            throw transport.error(`the saved image ended inside ${descriptor.digest}`, repository);
        }
        const body = chunk.subarray(0, length);
        hash.update(body);
        const answer = await transport.request({
            method: 'PATCH',
            repository,
            path: locationPath(transport, repository, location, undefined),
            headers: {
                'content-type': 'application/octet-stream',
                'content-range': `${sent}-${sent + length - 1}`
            },
            body,
            bodyLimit: ERROR_BODY_LIMIT,
            what: `the answer to a chunk of ${descriptor.digest}`
        });
        location = nextLocation(transport, repository, answer, `take a chunk of ${descriptor.digest}`);
        sent += length;
    }
    const computed = `sha256:${hash.digest('hex')}`;
    if (computed !== descriptor.digest) {
        throw transport.error(`the saved bytes of ${descriptor.digest} hash to ${computed}: not uploaded`, repository);
    }
    await finishUpload(transport, repository, location, descriptor.digest);
    return 'uploaded';
}

;// CONCATENATED MODULE: ./src/registry/tar-entries.ts
class TarFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarFormatError';
    }
}
const BLOCK = 512;
/** An OCI layout lists a few files per layer; far more is not an image. */
const MAX_ENTRIES = 10_000;
/** A PAX or GNU long-name header holds a path, not data. */
const MAX_NAME_HEADER = 64 * 1024;
/** Regular files by path (`blobs/sha256/…`, `index.json`); directories and links are left out. */
async function tarEntries(file) {
    const entries = new Map();
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    let longName;
    for (let count = 0;; count++) {
        if (count > MAX_ENTRIES)
            throw new TarFormatError(`more than ${MAX_ENTRIES} entries`);
        const { bytesRead } = await file.read(header, 0, BLOCK, position);
        if (bytesRead < BLOCK || header.every((byte) => byte === 0))
            return entries;
        const size = octal(header.subarray(124, 136));
        const type = String.fromCharCode(header[156] ?? 0);
        const offset = position + BLOCK;
        position = offset + Math.ceil(size / BLOCK) * BLOCK;
        if (type === 'x' || type === 'L') {
            if (size > MAX_NAME_HEADER)
                throw new TarFormatError(`a ${size}-byte name header`);
            const body = Buffer.alloc(size);
            await file.read(body, 0, size, offset);
            longName = type === 'L' ? cString(body) : paxPath(body.toString('utf8'));
            continue;
        }
        const name = longName ?? headerName(header);
        longName = undefined;
        if (type === '0' || type === '\0')
            entries.set(name.replace(/^\.\//, ''), { offset, size });
    }
}
function headerName(header) {
    const name = cString(header.subarray(0, 100));
    const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? cString(header.subarray(345, 500)) : '';
    return prefix === '' ? name : `${prefix}/${name}`;
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}
function octal(field) {
    if (((field[0] ?? 0) & 0x80) !== 0)
        throw new TarFormatError('a file over 8 GiB');
    const text = cString(field).trim();
    if (!/^[0-7]*$/.test(text))
        throw new TarFormatError(`the size '${text}' is not octal`);
    return text === '' ? 0 : parseInt(text, 8);
}
/** The `path` record of a PAX header (`<length> path=<value>\n` records); undefined without one. */
function paxPath(records) {
    for (const record of records.split('\n')) {
        const match = /^\d+ path=(.*)$/.exec(record);
        if (match?.[1] !== undefined)
            return match[1];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/layout-push.ts







class LayoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LayoutError';
    }
}
/** A layout holds one image: an index of a few platforms and their attestations at most. */
const MAX_MANIFESTS = 64;
async function pushLayout(client, repository, archive, expected) {
    const file = await process.getBuiltinModule('node:fs/promises').open(archive, 'r');
    try {
        const entries = await tarEntries(file);
        const root = rootDescriptor(await readEntry(file, entries, 'index.json', MANIFEST_BODY_LIMIT));
        if (root.digest !== expected) {
            throw new LayoutError(`the saved image is ${root.digest}, not the tested ${expected}`);
        }
        const image = { manifests: [], blobs: new Map() };
        await collect(file, entries, root, image);
        let uploaded = 0;
        for (const blob of image.blobs.values()) {
            const entry = blobEntry(entries, blob.digest);
            const done = await uploadFileBlob(client.transport, repository, blob, file, entry);
            if (done === 'uploaded')
                uploaded++;
        }
        for (const manifest of image.manifests)
            await client.put(repository, manifest.digest, manifest);
        return { digest: expected, uploaded, present: image.blobs.size - uploaded };
    }
    finally {
        await file.close();
    }
}
/** The one image the layout's index.json names (docker save wraps it with its name). */
function rootDescriptor(bytes) {
    const { manifests } = layout_push_parse(bytes, 'index.json');
    if (!Array.isArray(manifests) || manifests.length !== 1) {
        throw new LayoutError('the saved layout’s index.json does not name exactly one image');
    }
    return descriptor(manifests[0], 'index.json');
}
async function collect(file, entries, manifest, image) {
    if (!MANIFEST_MEDIA_TYPES.includes(manifest.mediaType)) {
        throw new LayoutError(`${manifest.digest} is a ${registryText(manifest.mediaType)}, not a manifest`);
    }
    if (image.manifests.length >= MAX_MANIFESTS) {
        throw new LayoutError(`the saved image has more than ${MAX_MANIFESTS} manifests`);
    }
    const bytes = await readEntry(file, entries, blobPath(manifest.digest), MANIFEST_BODY_LIMIT);
    if (sha256Digest(bytes) !== manifest.digest || bytes.length !== manifest.size) {
        throw new LayoutError(`the saved manifest ${manifest.digest} does not match its digest`);
    }
    const body = layout_push_parse(bytes, manifest.digest);
    if (isIndexMediaType(manifest.mediaType)) {
        for (const child of layout_push_list(body.manifests)) {
            await collect(file, entries, descriptor(child, manifest.digest), image);
        }
    }
    else {
        for (const blob of [body.config, ...layout_push_list(body.layers)]) {
            const given = descriptor(blob, manifest.digest);
            image.blobs.set(given.digest, given);
        }
    }
    image.manifests.push({ ...manifest, digest: manifest.digest, bytes });
}
function descriptor(raw, where) {
    const { mediaType, digest, size } = raw ?? {};
    if (typeof mediaType !== 'string' || typeof digest !== 'string' || !isDigest(digest)) {
        throw new LayoutError(`${where} lists a descriptor without a media type and sha256 digest`);
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
        throw new LayoutError(`${where} lists ${digest} without a size`);
    }
    return { mediaType, digest, size };
}
function layout_push_list(value) {
    return Array.isArray(value) ? value : [];
}
function blobPath(digest) {
    return `blobs/${digest.replace(':', '/')}`;
}
function blobEntry(entries, digest) {
    const entry = entries.get(blobPath(digest));
    if (entry === undefined)
        throw new LayoutError(`the saved image lacks the blob ${digest}`);
    return entry;
}
async function readEntry(file, entries, path, limit) {
    const entry = entries.get(path);
    if (entry === undefined)
        throw new LayoutError(`the saved image has no ${path}`);
    if (entry.size > limit)
        throw new LayoutError(`${path} is over ${limit} bytes`);
    const bytes = Buffer.alloc(entry.size);
    const { bytesRead } = await file.read(bytes, 0, entry.size, entry.offset);
    if (bytesRead !== entry.size)
        throw new LayoutError(`the saved image ends inside ${path}`);
    return bytes;
}
function layout_push_parse(bytes, what) {
    try {
        const value = JSON.parse(bytes.toString('utf8'));
        if (typeof value === 'object' && value !== null)
            return value;
    }
    catch {
        // Reported below, as for any JSON that is not an object.
    }
    throw new LayoutError(`${what} in the saved image is not a JSON object`);
}

;// CONCATENATED MODULE: ./src/pipeline/digest-push.ts
// push-by-digest: the tested image's own bytes, saved by the engine, pushed by digest with no tag.






/**
 * `docker push` needs a tag; `docker save` writes the image as an OCI layout (containerd store),
 * whose blobs and manifests our client uploads. Nothing is tagged, so a failure half-way leaves only
 * unreferenced blobs.
 */
async function pushByDigest(docker, registry, built) {
    if (!isDigest(built.id))
        throw new ActionError(`the engine named the image '${built.id}', not a digest`);
    const { mkdtemp, rm } = process.getBuiltinModule('node:fs/promises');
    const scratch = await mkdtemp((0,external_node_path_namespaceObject.join)(process.env.RUNNER_TEMP ?? (0,external_node_os_namespaceObject.tmpdir)(), 'immutable-image-save-'));
    try {
        const archive = (0,external_node_path_namespaceObject.join)(scratch, 'image.tar');
        info(`Saving ${built.runTag} from the engine`);
        await docker.run(['save', '--output', archive, built.runTag], { silent: true });
        const pushed = await pushLayout(registry.client, registry.image.path, archive, built.id);
        info(`Pushed ${registry.name}@${pushed.digest} by digest, no tag: ${pushed.uploaded} blobs uploaded, ${pushed.present} already there`);
        const listed = await registry.resolve(pushed.digest);
        if (listed === undefined) {
            throw new ActionError(`the registry does not list ${registry.name}@${pushed.digest} right after the push`);
        }
        return { ...listed, digest: pushed.digest };
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/registry/settled-tag.ts
// What a tag names once another client's push under it is over. `docker push` of an index (the
// containerd image store's pusher) PUTs every child manifest under the tag before the index, so for
// a moment the tag names a platform image, then an attestation, then the index that lists both.


/** BuildKit's attestation manifests hold in-toto statements as their layers, and never an image. */
const IN_TOTO = 'application/vnd.in-toto+json';
/**
 * Between the waits the tag is read again. Such a push writes its manifests back to back, so two
 * reads this far apart that agree have seen where it ended; over 2 s of change is no push in flight.
 */
const SETTLE_WAITS_MS = [150, 300, 600, 1200];
/** An attestation manifest: what a tag names only halfway through a push. */
function isAttestationManifest(manifest) {
    if (isIndexMediaType(manifest.mediaType))
        return false;
    try {
        const parsed = JSON.parse(manifest.bytes.toString('utf8'));
        const layers = Array.isArray(parsed.layers) ? parsed.layers : [];
        return (layers.length > 0 &&
            layers.every((layer) => typeof layer === 'object' &&
                layer !== null &&
                layer.mediaType === IN_TOTO));
    }
    catch {
        return false;
    }
}
/** An attestation is a child for sure: it is never the image a tag names once a push is over. */
function halfwayForSure(answer) {
    return 'bytes' in answer && isAttestationManifest(answer);
}
/**
 * `first`, or what the tag names once it stops changing: nothing or an index is where a push
 * ends; a lone manifest is read again until two reads agree (and it is no attestation). After
 * the last wait the latest answer stands, whatever it is.
 */
async function settledTag(first, read, sleep = retry_sleepFor) {
    let current = first;
    for (const wait of SETTLE_WAITS_MS) {
        // A lone manifest under the tag may be a child of an index still being pushed.
        if (current === undefined || isIndexMediaType(current.mediaType))
            return current;
        await sleep(wait);
        const next = await read();
        if (next !== undefined && next.digest === current.digest && !halfwayForSure(next))
            return next;
        current = next;
    }
    return current;
}

;// CONCATENATED MODULE: ./src/pipeline/image-push.ts
// Pushes the tested image under its SHA tag, checks the registry's digest, then adds the extra tags.







async function pushShaTag(docker, registry, image, tag) {
    const reference = `${repositoryName(image)}:${tag}`;
    const push = () => docker.push(repositoryName(image), tag, image.registry);
    let pushed = await push();
    if (pushed.exitCode !== 0 && isPushWorthRepeating(pushed.stderr || pushed.stdout)) {
        info(`the push failed (${registryText(lastLine(pushed.stderr || pushed.stdout))}): pushing once more`);
        pushed = await push();
    }
    if (pushed.exitCode !== 0) {
        throw new ActionError(`pushing ${reference} failed: ${pushFailure(pushed.stderr || pushed.stdout, image.registry)}`);
    }
    const reported = pushed.digest;
    const answer = await registry.resolve(tag);
    // Not ours: another run's push under the tag may be halfway, its lone manifests before its index.
    const descriptor = reported === undefined || answer?.digest === reported
        ? answer
        : await settledTag(answer, () => registry.resolve(tag));
    if (descriptor === undefined) {
        throw new ActionError(`the registry does not list ${reference} right after the push`);
    }
    return {
        digest: descriptor.digest,
        manifest: descriptor,
        ours: reported === undefined || reported === descriptor.digest
    };
}
/**
 * A 5xx from the registry, e.g. while another run writes the same tag: containerd's pusher asks for
 * the tag first, and docker push does not retry.
 */
function isRegistryServerError(output) {
    return /\b5\d\d (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/.test(lastLine(output));
}
/**
 * What one more push mends: a 5xx, or the registry refusing the index for children it lacks, which
 * another run's push of the same commit from the same engine causes now and then (containerd's
 * pusher decides what the registry holds by what the tag names).
 */
function isPushWorthRepeating(output) {
    return (isRegistryServerError(output) ||
        /references to blobs and\/or manifests are missing in your target registry/.test(lastLine(output)));
}
/** The last line docker printed, which often quotes the registry: made one safe, capped line. */
function pushFailure(output, registry) {
    const line = registryText(output
        .split('\n')
        .map((text) => text.trim())
        .filter((text) => text !== '')
        .at(-1) ?? 'no output');
    if (/unauthorized|authentication required|denied/i.test(line)) {
        return `authentication failed for registry ${registry} (${line})`;
    }
    return line;
}
/**
 * Puts the SHA tag's manifest under each extra tag: in the same repository as a pointer change
 * (no layer moves), elsewhere with `docker push` of the same local image. Each tag is appended to
 * `pushed` as soon as it is in place, so a failure part-way still knows which are.
 */
async function pushExtraTags(docker, registry, image, shaTag, digest, extraTags, localImage, pushed = []) {
    const sameRepositoryTags = extraTags.filter((reference) => sameRepository(reference.repository, image));
    if (sameRepositoryTags.length > 0) {
        const manifest = await registry.fetch(digest);
        if (manifest === undefined)
            throw new ActionError(`${repositoryName(image)}@${digest} vanished from the registry`);
        for (const reference of sameRepositoryTags) {
            await registry.put(reference.tag ?? shaTag, manifest);
            info(`Tagged ${formatReference(reference)} → ${untrustedText(digest)}`);
            pushed.push(formatReference(reference));
        }
    }
    const elsewhere = extraTags.filter((candidate) => !sameRepository(candidate.repository, image));
    for (const reference of elsewhere) {
        const target = formatReference(reference);
        const source = localImage ?? `${repositoryName(image)}@${digest}`;
        const client = await docker();
        if (localImage === undefined)
            await client.run(['pull', source]);
        await client.run(['tag', source, target], { silent: true });
        const result = await client.push(repositoryName(reference.repository), reference.tag ?? shaTag, reference.repository.registry);
        if (result.exitCode !== 0) {
            throw new ActionError(`pushing ${target} failed: ${pushFailure(result.stderr || result.stdout, reference.repository.registry)}`);
        }
        pushed.push(target);
    }
    return pushed;
}

;// CONCATENATED MODULE: ./src/docker/emulation.ts
// Which foreign architectures this machine can run, by the interpreters binfmt_misc has registered.


/** Where the kernel lists binfmt_misc entries, one file each (qemu-aarch64, …). */
const BINFMT_MISC = '/proc/sys/fs/binfmt_misc';
/** Entry names as tonistiigi/binfmt and qemu-user-static register them, by Docker's architecture. */
const QEMU_ARCHITECTURES = {
    'qemu-x86_64': 'amd64',
    'qemu-aarch64': 'arm64',
    'qemu-arm': 'arm',
    'qemu-i386': '386',
    'qemu-riscv64': 'riscv64',
    'qemu-ppc64le': 'ppc64le',
    'qemu-s390x': 's390x',
    'qemu-mips64el': 'mips64le',
    'qemu-mips64': 'mips64',
    'qemu-loongarch64': 'loong64'
};
/** An entry file is at most a few hundred bytes; more is not an entry. */
const MAX_ENTRY_BYTES = 4096;
/**
 * The architectures with an enabled emulator entry in `dir`; none when the directory is missing
 * or unreadable (binfmt_misc not mounted). BuildKit's own entries (`buildkit-qemu-…`) count too.
 */
function emulatedArchitectures(dir = BINFMT_MISC) {
    const found = new Set();
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(dir);
    }
    catch {
        return found;
    }
    for (const name of names) {
        const architecture = QEMU_ARCHITECTURES[name.replace(/^buildkit-/, '')];
        if (architecture !== undefined && isEnabled((0,external_node_path_namespaceObject.join)(dir, name)))
            found.add(architecture);
    }
    return found;
}
function isEnabled(entry) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(entry, 'r');
        const buffer = Buffer.alloc(MAX_ENTRY_BYTES);
        const read = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, MAX_ENTRY_BYTES, 0);
        return buffer.subarray(0, read).toString('utf8').split('\n')[0]?.trim() === 'enabled';
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
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
function imageRef(report) {
    return report.digest === undefined ? undefined : `${report.image}@${report.digest}`;
}

;// CONCATENATED MODULE: ./src/pipeline/platform-plan.ts
// Which platforms a build makes, and which of them the tests can run on here: the engine's own, and
// those an emulator is registered for. The rest are built, not tested.





/** Without the input: one build for the engine's platform, tested on it, as before platforms existed. */
const ENGINE_PLATFORM_ONLY = { built: [], runnable: [undefined] };
/** Whether a machine of `native` with emulators for `emulated` architectures runs `platform`. */
function canRun(platform, native, emulated) {
    if (platform.os !== native.os)
        return false;
    return platform.architecture === native.architecture || emulated.has(platform.architecture);
}
function planPlatforms(requested, native, emulated) {
    if (requested.length === 0)
        return ENGINE_PLATFORM_ONLY;
    return {
        built: requested.map(formatPlatform),
        runnable: requested.filter((platform) => canRun(platform, native, emulated)).map(formatPlatform)
    };
}
/** Asks the engine its platform only when platforms were given. */
async function platformPlan(docker, requested) {
    if (requested.length === 0)
        return ENGINE_PLATFORM_ONLY;
    const native = await enginePlatform(docker);
    const emulated = emulatedArchitectures();
    const plan = planPlatforms(requested, native, emulated);
    const onlyBuilt = plan.built.filter((platform) => !plan.runnable.includes(platform));
    const engine = `The engine runs ${formatPlatform(native)}${emulated.size > 0 ? ` and emulates ${[...emulated].join(', ')}` : ''}`;
    if (plan.runnable.length === 0) {
        core_warning(`${engine}: none of ${plan.built.join(', ')} can run here, so none is tested.`);
    }
    else if (onlyBuilt.length > 0) {
        info(`${engine}: ${onlyBuilt.join(', ')} built, not tested (no emulator registered).`);
    }
    return plan;
}
async function enginePlatform(docker) {
    const result = await docker.run(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'], {
        silent: true,
        allowFailure: true
    });
    try {
        return parsePlatform(result.stdout.trim());
    }
    catch {
        throw new ActionError('the Docker engine did not say its platform (docker version)');
    }
}
/** The tests on each runnable platform in turn; the first failure ends them. */
async function testOnPlatforms(plan, test, testOne) {
    if (test.command === undefined)
        return TESTS_NOT_RUN;
    let report = { ...TESTS_NOT_RUN, notRun: 'no-platform-runs-here' };
    for (const platform of plan.runnable) {
        if (platform !== undefined)
            info(`Testing ${platform}`);
        report = await testOne({ ...test, platform });
        if (report.result !== 'passed')
            return report;
    }
    return report;
}
function platformOutcomes(plan, test) {
    const tested = test.result === 'passed';
    return plan.built.map((platform) => ({
        platform,
        tested: tested && plan.runnable.includes(platform)
    }));
}

;// CONCATENATED MODULE: ./src/docker/config.ts
// A Docker config directory of our own under RUNNER_TEMP, so a login never outlives the job.






/**
 * Copies what the job's Docker config already holds (logins made by docker/login-action, the buildx
 * builder chosen by setup-buildx-action) so logging in here adds to it rather than hiding it.
 */
async function createDockerConfig(userConfigDir, env = process.env) {
    // Loaded here, not at start: a re-run that reuses its image never logs in.
    const { copyFile, mkdir, mkdtemp, symlink } = process.getBuiltinModule('node:fs/promises');
    const parent = configParent(env);
    await mkdir(parent, { recursive: true });
    const dir = await mkdtemp((0,external_node_path_namespaceObject.join)(parent, CONFIG_PREFIX));
    if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(userConfigDir, 'config.json'))) {
        await copyFile((0,external_node_path_namespaceObject.join)(userConfigDir, 'config.json'), (0,external_node_path_namespaceObject.join)(dir, 'config.json'));
    }
    for (const shared of ['buildx', 'cli-plugins', 'contexts']) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(userConfigDir, shared)))
            await symlink((0,external_node_path_namespaceObject.join)(userConfigDir, shared), (0,external_node_path_namespaceObject.join)(dir, shared));
    }
    return dir;
}
const CONFIG_PREFIX = 'immutable-image-docker-';
/** mkdtemp appends six characters from this set. */
const OWN_CONFIG_NAME = /^immutable-image-docker-[A-Za-z0-9]{6}$/;
function configParent(env) {
    return env.RUNNER_TEMP ?? (0,external_node_os_namespaceObject.tmpdir)();
}
/**
 * Removes `dir` only when it is a config this action created: a real directory (not a symlink)
 * directly under RUNNER_TEMP, named with our prefix. The post step reads `dir` from state, which
 * untrusted output may have written; anything else is left where it is.
 */
async function removeOwnDockerConfig(dir, env = process.env) {
    if (!(0,external_node_path_namespaceObject.isAbsolute)(dir) || !OWN_CONFIG_NAME.test((0,external_node_path_namespaceObject.basename)(dir))) {
        return { removed: false, why: `it is not named ${CONFIG_PREFIX}… as the action names its own` };
    }
    const { lstat, realpath, rm } = process.getBuiltinModule('node:fs/promises');
    const entry = await lstat(dir).catch(() => undefined);
    if (entry === undefined)
        return { removed: false, why: 'it does not exist' };
    if (!entry.isDirectory())
        return { removed: false, why: 'it is not a directory' };
    try {
        const [real, parent] = await Promise.all([realpath(dir), realpath(configParent(env))]);
        if (real !== (0,external_node_path_namespaceObject.join)(parent, (0,external_node_path_namespaceObject.basename)(dir))) {
            return { removed: false, why: `it is not directly under RUNNER_TEMP (${parent})` };
        }
        await rm(real, { recursive: true, force: true });
        return { removed: true };
    }
    catch (error) {
        return { removed: false, why: getErrorMessage(error) };
    }
}
/** The names a Docker config may key a registry's helper by. */
function helperKeys(registry) {
    if (registry !== DOCKER_HUB)
        return [registry];
    return [DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/'];
}
/**
 * Pins `registry` to the config file's own store: with `credsStore` or a `credHelpers` entry,
 * `docker login` would hand the password to the machine's helper, where it outlives the job. An
 * empty helper name is how Docker spells "this file" (getConfiguredCredentialStore), so every other
 * registry keeps its helper and base images still pull through it.
 */
function keepLoginInFile(config, registry) {
    const helpers = config.credHelpers;
    const kept = typeof helpers === 'object' && helpers !== null ? helpers : {};
    const pinned = Object.fromEntries(helperKeys(registry).map((key) => [key, '']));
    return { ...config, credHelpers: { ...kept, ...pinned } };
}
/** The key `docker login` files a registry's credentials under in `auths`. */
function authsKey(registry) {
    return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry;
}
/**
 * Writes the login into the config file, as `docker login` does when the registry is pinned to the
 * file (keepLoginInFile): no process to start. The registry checks the credentials on the run's
 * first request: the SHA tag's lookup, or the check made before the build when there is none.
 */
async function writeLogin(configDir, registry, credentials) {
    const file = (0,external_node_path_namespaceObject.join)(configDir, 'config.json');
    const read = await readDockerConfigFile(configDir);
    if (read.kind === 'invalid')
        throw new ActionError(`the Docker config ${file} is not a JSON object`);
    const config = read.kind === 'object' ? read.config : {};
    const auths = typeof config.auths === 'object' && config.auths !== null ? config.auths : {};
    const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    const loggedIn = {
        ...keepLoginInFile(config, registry),
        auths: { ...auths, [authsKey(registry)]: { auth } }
    };
    const { chmod, writeFile } = process.getBuiltinModule('node:fs/promises');
    await writeFile(file, JSON.stringify(loggedIn, null, 2), { mode: 0o600 });
    await chmod(file, 0o600);
}
async function login(docker, registry, credentials) {
    // Never the machine's global config: the login must go where the step removes it.
    if (docker.configDir === undefined)
        throw new Error('login needs a Docker config of our own');
    await writeLogin(docker.configDir, registry, credentials);
}

;// CONCATENATED MODULE: ./src/pipeline/registry-login.ts
// The engine as the pipeline's docker commands use it: logged in to the image's registry when the
// action was given credentials, through a Docker config of its own that the main step removes at its
// end (the post step only when the main step could not).





async function loggedInEngine(engine, { credentials, image }) {
    if (credentials === undefined)
        return engine;
    const configDir = await createDockerConfig(dockerConfigDir());
    saveDockerConfigDir(configDir);
    const own = engine.withConfig(configDir);
    await group(`Log in to ${image.registry}`, () => login(own, image.registry, credentials));
    return own;
}
/**
 * Removes the login at the end of the main step, so that the post step has nothing left to do; a
 * config this cannot remove stays in state for the post step to try again.
 */
async function removeLogin(engine) {
    const dir = engine.configDir;
    if (dir === undefined)
        return;
    const removal = await removeOwnDockerConfig(dir);
    if (removal.removed)
        saveDockerConfigDir('');
    else
        core_warning(`Did not remove '${printable(dir)}' yet: ${removal.why}.`);
}

;// CONCATENATED MODULE: ./src/pipeline/test-failure.ts
/** `docker run` exits 125-127 when the container could not start at all. */
const DOCKER_RUN_ERRORS = new Set([125, 126, 127]);
/** The step's one-line error for tests that did not pass. */
function testFailureMessage(test, settings) {
    if (test.timedOut)
        return `the tests timed out after ${settings.timeoutSeconds} s: nothing was pushed`;
    if (test.oomKilled === true)
        return `the tests ${outOfMemory(settings.memory)}; nothing was pushed`;
    if (test.couldNotStart !== undefined) {
        return `the test container could not start: ${test.couldNotStart}; nothing was pushed`;
    }
    return `the tests failed with exit code ${test.exitCode ?? '?'}: nothing was pushed`;
}
/** What the engine's OOM kill means for the inputs. */
function outOfMemory(memory) {
    return memory === undefined
        ? 'were killed for running out of memory with no test-memory limit: the runner itself ran out'
        : `were killed for using more than test-memory (${memory}): raise test-memory or make the tests use less`;
}
/**
 * Why `docker run` could not start the container, from the daemon's words in its output: a
 * test-network that does not exist, or a command missing from the image. Undefined when the
 * container started (its own exit code can be 125-127 too) or the cause is unknown.
 */
function containerStartProblem(exitCode, output, test) {
    if (!DOCKER_RUN_ERRORS.has(exitCode))
        return undefined;
    const daemon = /Error response from daemon: (.*)/.exec(output)?.[1] ?? '';
    if (/\bnetwork \S+ not found\b/i.test(daemon))
        return `test-network ${missingNetwork(test.network)}`;
    if (/executable file not found|no such file or directory/i.test(daemon)) {
        return `check that ${test.command?.[0] ?? 'the test command'} exists in the image`;
    }
    return undefined;
}
/** What to do about a test-network the engine does not have. */
function missingNetwork(network) {
    return `'${network}' does not exist on the engine: name one \`docker network ls\` lists, e.g. \${{ job.services.<id>.network }} to reach the job's service containers, or leave test-network empty for none`;
}

;// CONCATENATED MODULE: ./src/pipeline/image-test.ts
// Runs the test command in a fresh container of the built image, streaming its output, and makes
// sure the container is gone afterwards: after the tests, a timeout, or a cancelled step.






const TAIL_CHARS = 64 * 1024;
function describeCommand(command) {
    if (command[0] === '/bin/sh' && command[1] === '-c' && command.length === 3)
        return command[2] ?? '';
    return JSON.stringify(command);
}
/** Runs the tests in `imageId`, the shipped image or the test `stage` proved to be built on it. */
async function testImage(docker, imageId, stage, test) {
    if (test.command === undefined)
        return TESTS_NOT_RUN;
    const containerName = watchNewContainer(docker, 'test');
    const tail = new OutputTail(TAIL_CHARS);
    const started = Date.now();
    const timeout = { expired: false };
    const timer = setTimeout(() => {
        timeout.expired = true;
        error(`The tests ran longer than test-timeout (${test.timeoutSeconds} s): removing the container.`);
        removeTestContainer(docker, containerName).catch(() => undefined);
    }, test.timeoutSeconds * 1000);
    let exitCode;
    let oomKilled = false;
    try {
        const result = await docker.run(testRunArgs({
            containerName,
            imageId,
            command: test.command,
            network: test.network,
            memory: test.memory,
            pidsLimit: test.pidsLimit,
            envNames: [...test.env.keys()],
            platform: test.platform
        }), {
            env: Object.fromEntries(test.env),
            allowFailure: true,
            onOutput: (chunk) => {
                tail.append(chunk.toString('utf8'));
            }
        });
        exitCode = result.exitCode;
        if (exitCode !== 0 && !timeout.expired)
            oomKilled = await killedForMemory(docker, containerName);
    }
    finally {
        clearTimeout(timer);
        // The container runs without `--rm`, so that its state can be read once it exited: removed here,
        // while the run goes on to push.
        removeWhileGoingOn(docker, containerName);
    }
    const durationMs = Date.now() - started;
    const couldNotStart = timeout.expired
        ? undefined
        : containerStartProblem(exitCode, tail.toString(), test);
    if (couldNotStart !== undefined)
        tail.append(`\n(the container could not start: ${couldNotStart})`);
    return {
        result: exitCode === 0 && !timeout.expired ? 'passed' : 'failed',
        stage,
        command: describeCommand(test.command),
        durationMs,
        exitCode,
        timedOut: timeout.expired,
        oomKilled,
        ...(couldNotStart === undefined ? {} : { couldNotStart }),
        outputTail: tail.toString()
    };
}
/** Whether the engine killed the container for passing its memory limit (the exit code says 137). */
async function killedForMemory(docker, containerName) {
    const state = await docker.run(['inspect', '--format', '{{.State.OOMKilled}}', containerName], {
        silent: true,
        allowFailure: true
    });
    return state.exitCode === 0 && state.stdout.trim() === 'true';
}

;// CONCATENATED MODULE: ./src/pipeline/test-network.ts


/** Networks every engine has: nothing to ask. */
const BUILT_IN = new Set(['none', 'host']);
/**
 * Fails with an input error when the tests would run and their network does not exist: the build
 * would otherwise run to the end and the container fail to start.
 */
async function requireTestNetwork(docker, test) {
    if (test.command === undefined || BUILT_IN.has(test.network))
        return;
    const result = await docker.run(['network', 'inspect', '--format', '{{.Name}}', test.network], {
        silent: true,
        allowFailure: true
    });
    // Any other refusal (the engine failing) is left to `docker run`, which says it in its own words.
    if (result.exitCode !== 0 && /not found|no such network/i.test(result.stderr)) {
        throw new InputError('test-network', missingNetwork(test.network));
    }
}

;// CONCATENATED MODULE: ./src/registry/oci-artifact.ts
// OCI 1.1 artifacts as data: a manifest that refers to a subject, the referrers index, reading both.


const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** The image spec's empty descriptor: `{}` as the config of an artifact that needs none. */
const EMPTY_CONFIG = {
    mediaType: OCI_EMPTY,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
    data: 'e30='
};
const EMPTY_CONFIG_BYTES = Buffer.from('{}');
/**
 * An image manifest with the empty config and one layer, attached to `subject`. Its annotations
 * are copied into referrers listings, so a reader can learn what it holds from the listing alone.
 */
function artifactManifest(artifactType, subject, layer, annotations) {
    return Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType,
        config: EMPTY_CONFIG,
        layers: [descriptorOf(layer)],
        subject: descriptorOf(subject),
        ...(annotations === undefined ? {} : { annotations })
    }));
}
/**
 * The referrers tag schema's tag for a digest: the algorithm cut to 32 characters, `-`, the encoded
 * part cut to 64, anything a tag may not hold replaced by `-`.
 */
function referrersTag(digest) {
    const colon = digest.indexOf(':');
    const algorithm = digest.slice(0, colon).slice(0, 32);
    const encoded = digest.slice(colon + 1).slice(0, 64);
    return `${algorithm}-${encoded}`.replace(/[^a-zA-Z0-9_.-]/g, '-');
}
/**
 * The referrers index with `referrer` added (read-modify-write of the tag schema), keeping every
 * other entry and field as it was; undefined when the index already lists it. Throws when the
 * tag holds something other than an image index: that is not ours to overwrite.
 */
function withReferrer(existing, referrer) {
    const entry = {
        ...descriptorOf(referrer),
        artifactType: referrer.artifactType,
        ...(referrer.annotations === undefined ? {} : { annotations: referrer.annotations })
    };
    if (existing === undefined) {
        return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry] }));
    }
    const index = parseJsonObject(existing);
    if (index === undefined || index.mediaType !== OCI_INDEX || !Array.isArray(index.manifests)) {
        throw new Error('the referrers tag holds something other than an image index');
    }
    const manifests = index.manifests;
    if (manifests.some((listed) => isObject(listed) && listed.digest === referrer.digest)) {
        return undefined;
    }
    return Buffer.from(JSON.stringify({ ...index, manifests: [...manifests, entry] }));
}
/** The entries of a referrers index that are well-formed descriptors; nothing for anything else. */
function parseReferrers(bytes) {
    const index = parseJsonObject(bytes);
    if (index === undefined || !Array.isArray(index.manifests))
        return [];
    const referrers = [];
    for (const entry of index.manifests) {
        const descriptor = parseDescriptor(entry);
        if (descriptor === undefined || !isObject(entry))
            continue;
        const { artifactType } = entry;
        const annotations = parseAnnotations(entry.annotations);
        referrers.push({
            ...descriptor,
            artifactType: typeof artifactType === 'string' ? artifactType : undefined,
            ...(annotations === undefined ? {} : { annotations })
        });
    }
    return referrers;
}
/** A referrer's image manifest, or undefined when it is not one (wrong shape, no subject). */
function parseArtifactManifest(bytes) {
    const manifest = parseJsonObject(bytes);
    if (manifest === undefined || manifest.mediaType !== OCI_MANIFEST)
        return undefined;
    const subject = parseDescriptor(manifest.subject);
    if (subject === undefined || typeof manifest.artifactType !== 'string')
        return undefined;
    if (!Array.isArray(manifest.layers))
        return undefined;
    const layers = manifest.layers.map(parseDescriptor);
    if (layers.some((layer) => layer === undefined))
        return undefined;
    return {
        artifactType: manifest.artifactType,
        subject: subject.digest,
        layers: layers
    };
}
function parseDescriptor(value) {
    if (!isObject(value))
        return undefined;
    const { mediaType, digest, size } = value;
    if (typeof mediaType !== 'string' || typeof digest !== 'string')
        return undefined;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        return undefined;
    try {
        parseVerifiableDigest(digest, 'a descriptor digest');
    }
    catch (error) {
        if (error instanceof DigestError)
            return undefined;
        throw error;
    }
    return { mediaType, digest, size };
}
/** The annotations whose values are text; undefined when there are none. */
function parseAnnotations(value) {
    if (!isObject(value))
        return undefined;
    const texts = Object.entries(value).filter((entry) => typeof entry[1] === 'string');
    return texts.length === 0 ? undefined : Object.fromEntries(texts);
}
function descriptorOf(descriptor) {
    return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
}
function parseJsonObject(bytes) {
    try {
        const parsed = JSON.parse(bytes.toString('utf8'));
        return isObject(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/registry/referrers.ts
// Attaches an artifact to an image and lists what is attached: the referrers API, else the tag schema.






function outcomeOf(promise) {
    return promise.then((value) => ({ value }), (error) => ({ error }));
}
/**
 * Pushes `artifact` as a referrer of `subject`. A registry that processed the subject says so with
 * `OCI-Subject`; any other gets the referrers tag updated (read, add, put back). The tag is read
 * while the blobs upload, so such a registry does not wait for it after the manifest's put; on one
 * with the API that read is one request off the critical path, and its failure is ignored.
 */
async function pushReferrer(transport, repository, subject, artifact) {
    const tag = referrersTag(subject.digest);
    const listing = outcomeOf(getManifest(transport, repository, tag, OCI_INDEX, MANIFEST_BODY_LIMIT));
    const layer = await (artifact.uploaded ?? uploadBlobs(transport, repository, artifact));
    const bytes = artifactManifest(artifact.artifactType, subject, layer, artifact.annotations);
    const digest = sha256Digest(bytes);
    const response = await putManifest(transport, repository, digest, OCI_MANIFEST, bytes);
    if (response.headers.get('oci-subject') === subject.digest) {
        return { digest, listedBy: 'referrers-api' };
    }
    const referrer = {
        mediaType: OCI_MANIFEST,
        digest,
        size: bytes.length,
        artifactType: artifact.artifactType,
        ...(artifact.annotations === undefined ? {} : { annotations: artifact.annotations })
    };
    const existing = await listing;
    if ('error' in existing)
        throw existing.error;
    await addToReferrersTag(transport, repository, tag, existing.value, referrer);
    return { digest, listedBy: 'referrers-tag' };
}
/**
 * `artifact` with its blobs uploading now: they do not name the subject, so they can go while it is
 * still being pushed. A failure is seen by pushReferrer, which awaits them.
 */
function withBlobsUploading(transport, repository, artifact) {
    const uploaded = uploadBlobs(transport, repository, artifact);
    uploaded.catch(() => undefined);
    return { ...artifact, uploaded };
}
/** The empty config and the layer, together; the layer's descriptor. */
async function uploadBlobs(transport, repository, artifact) {
    const [, layer] = await both(uploadBlob(transport, repository, EMPTY_CONFIG.mediaType, EMPTY_CONFIG_BYTES), uploadBlob(transport, repository, artifact.mediaType, artifact.bytes, {
        ask: artifact.fresh !== true
    }));
    return layer;
}
/** Both values once both requests have ended (none is left running), or the first failure. */
async function both(first, second) {
    const [a, b] = await Promise.allSettled([first, second]);
    if (a.status === 'rejected')
        throw a.reason;
    if (b.status === 'rejected')
        throw b.reason;
    return [a.value, b.value];
}
async function addToReferrersTag(transport, repository, tag, existing, referrer) {
    let updated;
    try {
        updated = withReferrer(existing, referrer);
    }
    catch (error) {
        throw transport.error(`${repository}:${tag}: ${error.message}`, repository);
    }
    if (updated !== undefined)
        await putManifest(transport, repository, tag, OCI_INDEX, updated);
}
/**
 * The referrers of `subject` that say they hold `artifactType`: from the referrers tag, which is
 * where we list them on a registry without the referrers API (the CNCF registry, GHCR), else from
 * the API. Asking the tag first costs such a registry one request instead of two. No index, or no
 * valid one: none.
 */
async function listReferrers(transport, repository, subject, artifactType) {
    const tag = referrersTag(subject);
    let index = await getManifest(transport, repository, tag, OCI_INDEX, MANIFEST_BODY_LIMIT);
    if (index === undefined) {
        const response = await transport.request({
            method: 'GET',
            repository,
            path: `referrers/${subject}?artifactType=${encodeURIComponent(artifactType)}`,
            headers: { accept: OCI_INDEX },
            bodyLimit: MANIFEST_BODY_LIMIT,
            what: `the referrers of ${repository}@${subject} (at most ${formatLimit(MANIFEST_BODY_LIMIT)})`
        });
        if (response.status === 404)
            return [];
        expectStatus(transport, response, [200], repository, `list the referrers of ${subject}`);
        index = response.body;
    }
    // Registries may ignore the filter: it is applied here again.
    return parseReferrers(index).filter((referrer) => referrer.artifactType === artifactType);
}
/**
 * GET a manifest by tag or digest, capped, verified against the digest asked for or announced;
 * undefined when the registry has none.
 */
async function getManifest(transport, repository, reference, accept, limit) {
    const response = await transport.request({
        method: 'GET',
        repository,
        path: `manifests/${reference}`,
        headers: { accept },
        bodyLimit: limit,
        what: `the manifest of ${repository}:${reference} (at most ${formatLimit(limit)})`
    });
    if (response.status === 404)
        return undefined;
    expectStatus(transport, response, [200], repository, `fetch ${repository}:${reference}`);
    const expected = reference.includes(':')
        ? reference
        : response.headers.get('docker-content-digest');
    verify(transport, repository, response.body, expected, `the manifest of ${reference}`);
    return response.body;
}
/** GET a blob by digest, capped and verified; undefined when the registry has none. */
async function getBlob(transport, repository, digest, limit) {
    const response = await transport.request({
        method: 'GET',
        repository,
        path: `blobs/${digest}`,
        bodyLimit: limit,
        what: `the blob ${repository}@${digest} (at most ${formatLimit(limit)})`
    });
    if (response.status === 404)
        return undefined;
    expectStatus(transport, response, [200], repository, `fetch the blob ${digest}`);
    verify(transport, repository, response.body, digest, `the blob ${digest}`);
    return response.body;
}
async function putManifest(transport, repository, reference, mediaType, bytes) {
    const response = await transport.request({
        method: 'PUT',
        repository,
        path: `manifests/${reference}`,
        headers: { 'content-type': mediaType },
        body: bytes,
        bodyLimit: ERROR_BODY_LIMIT,
        what: `the answer to the put of ${repository}:${reference}`
    });
    expectStatus(transport, response, [200, 201], repository, `put ${repository}:${reference}`);
    const stored = response.headers.get('docker-content-digest');
    verify(transport, repository, bytes, stored, `the digest answered for ${repository}:${reference}`);
    return response;
}
function verify(transport, repository, bytes, digest, what) {
    if (digest === null)
        return;
    let matches;
    try {
        matches = bytesMatchDigest(bytes, digest, what);
    }
    catch (error) {
        throw transport.error(`registry ${transport.registry}: ${error.message}`, repository);
    }
    if (!matches) {
        throw transport.error(`${what} does not match its digest ${registryText(digest)}`, repository);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/test-record-parse.ts
// A test record read from the registry, every field checked: what a hostile registry sends never passes as ours.

const MAX_TEXT = 2000;
const RESULTS = ['passed', 'failed', 'skipped'];
/** A record as we write it, every field checked, or undefined. */
function parseTestRecord(bytes) {
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    const durations = record.durations;
    const result = RESULTS.find((known) => known === record.result);
    const smokeTest = record.smokeTest === null ? null : RESULTS.find((r) => r === record.smokeTest);
    const parsed = {
        commit: typeof record.commit === 'string' && /^[0-9a-f]{40,64}$/.test(record.commit),
        runUrl: typeof record.runUrl === 'string' && (record.runUrl === '' || isWebUrl(record.runUrl)),
        recordedAt: typeof record.recordedAt === 'string' &&
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(record.recordedAt),
        durations: typeof durations === 'object' && durations !== null
    };
    if (!Object.values(parsed).every(Boolean) || result === undefined || smokeTest === undefined) {
        return undefined;
    }
    return {
        commit: record.commit,
        result,
        testCommand: optionalText(record.testCommand),
        testStage: optionalText(record.testStage),
        testedImageId: optionalText(record.testedImageId),
        smokeTest,
        smokeTestCommand: optionalText(record.smokeTestCommand),
        durations: {
            buildMs: optionalMs(durations?.buildMs),
            testMs: optionalMs(durations?.testMs),
            smokeTestMs: optionalMs(durations?.smokeTestMs)
        },
        runUrl: record.runUrl,
        recordedAt: record.recordedAt
    };
}
function isWebUrl(text) {
    if (text.length > MAX_TEXT || !/^https?:\/\/[^\s<>()[\]`|]+$/.test(text))
        return false;
    try {
        return new URL(text).href !== '';
    }
    catch {
        return false;
    }
}
function optionalText(value) {
    return typeof value === 'string' ? registryText(value.slice(0, MAX_TEXT)) : null;
}
function optionalMs(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

;// CONCATENATED MODULE: ./src/pipeline/test-record.ts
// The record of a run's tests, attached to the image it pushed, and read back when a re-run reuses it.









const TEST_REPORT_TYPE = 'application/vnd.immutable-image.test-report.v1+json';
/**
 * The record again, as an annotation of its manifest: registries copy annotations into referrers
 * listings (and we into the referrers tag), so a re-run reads the record from the listing alone.
 * It names its subject, since a listing is only a tag that anyone who can push may copy.
 */
const RECORD_ANNOTATION = 'vnd.immutable-image.test-record';
/** A record is a few hundred bytes; its manifest under 1 KiB. Anything far larger is not ours. */
const RECORD_LIMIT = 64 * 1024;
const MANIFEST_LIMIT = 64 * 1024;
/** Referrers read at most, newest first: enough for every re-run of a commit, bounded. */
const MAX_CANDIDATES = 20;
function testRecordOf(report, testedImageId, recordedAt) {
    return {
        commit: report.sha,
        result: report.test.result,
        testCommand: report.test.command ?? null,
        testStage: report.test.stage ?? null,
        testedImageId: testedImageId ?? null,
        smokeTest: report.smokeTest?.result ?? null,
        smokeTestCommand: report.smokeTest?.command ?? null,
        durations: {
            buildMs: report.buildDurationMs ?? null,
            testMs: report.test.durationMs ?? null,
            smokeTestMs: report.smokeTest?.durationMs ?? null
        },
        runUrl: report.runUrl,
        recordedAt: recordedAt.toISOString()
    };
}
/**
 * Attaches the record and says so. The image is pushed and correct whatever happens here, so a
 * failure is a warning, never the step's failure.
 */
async function attachTestRecord(transport, repository, digest, record, known, artifact) {
    try {
        const pushed = await pushTestRecord(transport, repository, digest, record, known, artifact);
        info(`Attached the test record ${pushed.digest} to ${untrustedText(digest)} (listed by the ${pushed.listedBy})`);
    }
    catch (error) {
        core_warning(`The image is pushed, but its test record could not be attached: ${getErrorMessage(error)}`);
    }
}
/**
 * Attaches the record to the image `digest` as an OCI referrer; `known` is what the registry said
 * of the image already (the push's look-up), which spares asking for its manifest again.
 */
async function pushTestRecord(transport, repository, digest, record, known, artifact = recordArtifact(record)) {
    const subject = subjectDescribed(known, digest) ?? (await subjectOf(transport, repository, digest));
    return pushReferrer(transport, repository, subject, {
        ...artifact,
        annotations: { [RECORD_ANNOTATION]: JSON.stringify({ subject: digest, ...record }) }
    });
}
/** The record as an artifact; its annotation, which names the subject, is added when pushed. */
function recordArtifact(record) {
    return {
        artifactType: TEST_REPORT_TYPE,
        mediaType: TEST_REPORT_TYPE,
        bytes: Buffer.from(JSON.stringify(record)),
        fresh: true
    };
}
/**
 * The subject's descriptor from a look-up's headers when they can name it: the same digest, a
 * manifest media type and a size a manifest can have. A registry that leaves the length out (or
 * says something else) is asked for the manifest itself.
 */
function subjectDescribed(known, digest) {
    if (known === undefined || known.digest !== digest)
        return undefined;
    const mediaType = MANIFEST_MEDIA_TYPES.find((type) => type === known.mediaType);
    const { size } = known;
    if (mediaType === undefined || !Number.isSafeInteger(size) || size <= 0)
        return undefined;
    return size > MANIFEST_BODY_LIMIT ? undefined : { mediaType, digest, size };
}
/** The image's descriptor as the registry serves it: media type and exact size. */
async function subjectOf(transport, repository, digest) {
    const bytes = await getManifest(transport, repository, digest, ACCEPT_MANIFESTS, MANIFEST_BODY_LIMIT);
    if (bytes === undefined) {
        throw transport.error(`${repository}@${digest} is not in the registry`, repository);
    }
    const mediaType = declaredMediaType(bytes);
    if (mediaType === undefined) {
        throw transport.error(`the manifest ${repository}@${digest} names no known media type`, repository);
    }
    return { mediaType, digest, size: bytes.length };
}
function declaredMediaType(bytes) {
    try {
        const { mediaType } = JSON.parse(bytes.toString('utf8'));
        return MANIFEST_MEDIA_TYPES.find((known) => known === mediaType);
    }
    catch {
        return undefined;
    }
}
/**
 * The newest record attached to the image `digest` for commit `sha`. Referrers of another type,
 * for another subject or commit, or whose record does not parse are passed over: none left means
 * the image is not known to have been tested.
 */
async function readTestRecord(transport, repository, digest, sha) {
    const referrers = await listReferrers(transport, repository, digest, TEST_REPORT_TYPE);
    let newest;
    for (const referrer of referrers.slice(-MAX_CANDIDATES)) {
        if (referrer.mediaType !== OCI_MANIFEST || referrer.size > MANIFEST_LIMIT)
            continue;
        const record = recordAnnotated(referrer.annotations, digest) ??
            (await recordIn(transport, repository, referrer.digest, digest));
        if (record === undefined || record.commit !== sha)
            continue;
        if (newest === undefined || record.recordedAt > newest.recordedAt)
            newest = record;
    }
    return newest;
}
/** The record an annotation holds for `subject`; undefined when it holds none, or not for it. */
function recordAnnotated(annotations, subject) {
    const text = annotations?.[RECORD_ANNOTATION];
    if (text === undefined || text.length > RECORD_LIMIT)
        return undefined;
    const bytes = Buffer.from(text);
    const named = parseTestRecordSubject(bytes);
    return named === subject ? parseTestRecord(bytes) : undefined;
}
function parseTestRecordSubject(bytes) {
    try {
        const { subject } = JSON.parse(bytes.toString('utf8'));
        return typeof subject === 'string' ? subject : undefined;
    }
    catch {
        return undefined;
    }
}
async function recordIn(transport, repository, manifestDigest, subject) {
    const bytes = await getManifest(transport, repository, manifestDigest, OCI_MANIFEST, MANIFEST_LIMIT);
    const manifest = bytes === undefined ? undefined : parseArtifactManifest(bytes);
    if (manifest?.artifactType !== TEST_REPORT_TYPE || manifest.subject !== subject)
        return undefined;
    const layer = manifest.layers[0];
    if (manifest.layers.length !== 1 || layer === undefined)
        return undefined;
    if (layer.mediaType !== TEST_REPORT_TYPE || layer.size > RECORD_LIMIT)
        return undefined;
    const blob = await getBlob(transport, repository, layer.digest, RECORD_LIMIT);
    return blob === undefined ? undefined : parseTestRecord(blob);
}
/** readTestRecord of `digest`, started now: awaited, and any failure reported, by reusedImageRecord. */
function startReadingRecord(registry, digest, sha) {
    const reading = readTestRecord(registry.client.transport, registry.image.path, digest, sha);
    reading.catch(() => undefined);
    return reading;
}
/**
 * What a reused image's test record says, logged; undefined, with a warning, when it cannot be
 * read. `reading` is readTestRecord's answer, asked as soon as the image's digest was known.
 */
async function reusedImageRecord(reading, reference) {
    try {
        const record = await group(`Read the test record of ${reference}`, () => reading);
        info(record === undefined
            ? `${reference} has no test record: it is reported as not tested.`
            : `${reference} was recorded as ${record.result} by ${untrustedText(record.runUrl)} at ${untrustedText(record.recordedAt)}.`);
        return record;
    }
    catch (error) {
        core_warning(`Could not read the test record of ${reference}: ${getErrorMessage(error)}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/sha-tag-lookup.ts
// What the registry holds under the SHA tag, asked as soon as the commit is known and once per question.









/**
 * Asks for the SHA tag of the event's commit while git reads the checkout: it is the checked-out
 * commit on a push and with the default pull_request checkout. A wrong guess costs one request, and
 * the lookup then asks for the right tag.
 */
function guessShaTag(registry, policy, eventSha) {
    if (registryQuestion(policy) === 'none' || !/^[0-9a-f]{40}$/.test(eventSha))
        return undefined;
    const tag = parseTag(shaTag(eventSha, policy.shaFormat));
    const manifest = registry.then((repository) => repository.fetch(tag));
    manifest.catch(() => undefined);
    return { tag, manifest };
}
class ShaTagLookup {
    registry;
    policy;
    tag;
    wanted;
    /**
     * The tag's manifest, asked for when the lookup is made: the request runs while the engine is
     * probed. One GET answers both whether the tag exists and, from its bytes, which commit it holds.
     */
    early;
    /** The test record of the image `early` found, asked while its commit is checked. */
    recordAhead;
    constructor(registry, policy, tag, wanted, guess) {
        this.registry = registry;
        this.policy = policy;
        this.tag = tag;
        this.wanted = wanted;
        const question = registryQuestion(policy);
        if (question === 'none')
            return;
        this.early = guess?.tag === tag ? guess.manifest : registry.fetch(tag);
        // Awaited in `existing`; until then a failure must not count as unhandled.
        this.early.then((manifest) => {
            if (manifest === undefined || question !== 'tag-and-revision')
                return;
            const digest = parseDigest(manifest.digest);
            this.recordAhead = { digest, record: startReadingRecord(registry, digest, wanted.sha) };
        }, () => undefined);
    }
    /** Whether if-exists makes the run ask the registry for the SHA tag. */
    get asksRegistry() {
        return registryQuestion(this.policy) !== 'none';
    }
    /** The SHA tag's image when if-exists says to reuse it; throws when it says to fail. */
    async existing(when) {
        const question = registryQuestion(this.policy);
        if (question === 'none')
            return undefined;
        const early = this.early;
        this.early = undefined;
        const manifest = await group(`Look for ${this.wanted.reference} ${when}`, async () => {
            const answer = await (early ?? this.registry.fetch(this.tag));
            return (await this.mayBeHalfway(early !== undefined, answer))
                ? settledTag(answer, () => this.registry.fetch(this.tag))
                : answer;
        });
        let held = { kind: 'nothing' };
        if (manifest !== undefined) {
            held =
                question === 'tag'
                    ? { kind: 'tag', digest: manifest.digest }
                    : { kind: 'image', digest: manifest.digest, revisions: await this.revisionsIn(manifest) };
        }
        const choice = chooseForExistingTag(this.policy, held, this.wanted);
        if (choice.kind === 'fail')
            throw new ActionError(choice.why);
        if (choice.kind !== 'reuse')
            return undefined;
        const digest = parseDigest(choice.digest);
        const ahead = this.recordAhead;
        this.recordAhead = undefined;
        return ahead?.digest === digest ? ahead : { digest };
    }
    /** Fails unless the image under `digest` was built from this very commit. */
    async requireThisCommit(digest) {
        const revisions = await group(`Check which commit ${this.wanted.reference} holds`, () => imageRevisions(this.registry.client, this.registry.image.path, digest));
        const why = notThisCommit(revisions, this.wanted);
        if (why !== undefined)
            throw new ActionError(why);
    }
    /**
     * Whether the tag may have been read halfway through another run's push. A later answer
     * appeared during this run. The early one is mostly a tag pushed long ago: it is suspect as an
     * attestation, or as a lone manifest without a test record (records go to the index a push
     * ends with, never to the images it lists).
     */
    async mayBeHalfway(early, answer) {
        if (!early)
            return true;
        if (answer === undefined || isIndexMediaType(answer.mediaType))
            return false;
        if (isAttestationManifest(answer))
            return true;
        const ahead = this.recordAhead;
        if (ahead?.digest !== answer.digest)
            return false;
        return (await ahead.record.catch(() => undefined)) === undefined;
    }
    revisionsIn(manifest) {
        return group(`Check which commit ${this.wanted.reference} holds`, () => revisionsIn(this.registry.client, this.registry.image.path, manifest));
    }
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = require("node:timers/promises");
;// CONCATENATED MODULE: ./src/docker/container-state.ts
// What `docker container inspect --format '{{json .State}}'` says about a container, read defensively.
const HEALTH = ['starting', 'healthy', 'unhealthy'];
/** The state, or undefined when the text is not the JSON docker prints for one. */
function parseContainerState(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const state = value;
    if (typeof state.Running !== 'boolean' || typeof state.ExitCode !== 'number')
        return undefined;
    const health = (state.Health ?? undefined);
    return {
        running: state.Running,
        exitCode: state.ExitCode,
        oomKilled: state.OOMKilled === true,
        health: HEALTH.find((status) => status === health?.Status),
        lastHealthCheck: lastHealthCheck(health?.Log)
    };
}
function lastHealthCheck(log) {
    if (!Array.isArray(log))
        return undefined;
    const last = log.at(-1);
    if (typeof last?.ExitCode !== 'number')
        return undefined;
    return { exitCode: last.ExitCode, output: typeof last.Output === 'string' ? last.Output : '' };
}

;// CONCATENATED MODULE: ./src/pipeline/smoke-test.ts
// The smoke test: the shipped image started as it runs in production (its own ENTRYPOINT and CMD),
// the smoke-test command run in it with docker exec once it is up, and the container always removed.










const smoke_test_TAIL_CHARS = 64 * 1024;
const LOG_LINES = 60;
/** Between looks at a starting container and retries of the command: often at first, then calmly. */
const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 2000;
/** Runs the smoke test in the shipped image `imageId`; undefined when there is no smoke-test. */
async function smokeTestImage(docker, imageId, test) {
    const command = test.smokeTest;
    if (command === undefined)
        return undefined;
    const container = new SmokeContainer(docker, watchNewContainer(docker, 'smoke'));
    const started = Date.now();
    let timedOut;
    const timer = setTimeout(() => {
        error(`The smoke test did not pass within test-timeout (${test.timeoutSeconds} s): removing the container.`);
        // The log first: the removal that stops a hanging command takes the log with it.
        timedOut = container.logTail().finally(() => container.remove());
    }, test.timeoutSeconds * 1000);
    try {
        const ending = await smoke(container, imageId, command, test, () => timedOut !== undefined);
        clearTimeout(timer);
        await printOutput(ending);
        const failed = ending.failure !== undefined;
        const logTail = ending.startOutput ?? (failed ? await (timedOut ?? container.logTail()) : '');
        return {
            result: failed ? 'failed' : 'passed',
            command: describeCommand(command),
            durationMs: Date.now() - started,
            healthCheck: ending.healthCheck,
            attempts: ending.attempts,
            failure: ending.failure,
            outputTail: ending.last?.output ?? '',
            logTail
        };
    }
    finally {
        clearTimeout(timer);
        await removeWatchedContainer(docker, container.name);
    }
}
/** Starts the container, waits for it to be up and runs the command: once when healthy, else until it passes. */
async function smoke(container, imageId, command, test, expired) {
    const start = await container.start(imageId, test);
    if (start.exitCode !== 0) {
        const message = lastLine(start.output) || `docker run exited ${start.exitCode}`;
        return {
            failure: { kind: 'not-started', message },
            healthCheck: false,
            attempts: 0,
            last: undefined,
            startOutput: start.output
        };
    }
    let attempts = 0;
    let last;
    let healthCheck = false;
    let pause = FIRST_PAUSE_MS;
    let waitingSaid = false;
    const end = (failure) => ({
        failure,
        healthCheck,
        attempts,
        last
    });
    const timeout = () => end({
        kind: 'timed-out',
        waitingFor: healthCheck && last === undefined ? 'healthy' : 'passing',
        lastExitCode: last?.exitCode
    });
    for (;;) {
        if (expired())
            return timeout();
        const state = await container.state();
        if (state === undefined) {
            if (expired())
                return timeout();
            throw new ActionError(`the smoke test container ${container.name} is gone`);
        }
        healthCheck = state.health !== undefined;
        if (!state.running)
            return end(exited(state));
        if (state.health === 'unhealthy')
            return end({ kind: 'unhealthy' });
        if (state.health !== 'starting') {
            attempts += 1;
            last = await container.exec(command);
            if (last.exitCode === 0)
                return end(undefined);
            if (expired())
                return timeout();
            const after = await container.state();
            if (after !== undefined && !after.running)
                return end(exited(after));
            if (healthCheck)
                return end({ kind: 'failed', exitCode: last.exitCode });
            if (attempts === 1) {
                info(`The smoke test failed (exit ${last.exitCode}) before the container was up: retrying until it passes or test-timeout (${test.timeoutSeconds} s) ends.`);
            }
        }
        else if (!waitingSaid) {
            waitingSaid = true;
            info('The image has a HEALTHCHECK: waiting for the container to be healthy.');
        }
        await (0,promises_namespaceObject.setTimeout)(pause);
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
}
function exited(state) {
    return { kind: 'exited', exitCode: state.exitCode, oomKilled: state.oomKilled };
}
async function printOutput({ last, attempts }) {
    if (last === undefined)
        return;
    info(`The smoke test's output (run ${attempts}, exit ${last.exitCode}):`);
    await untrustedLog.stream((write) => {
        write(last.output);
        return Promise.resolve();
    });
}
/** The one container of the smoke test, by its watched name. */
class SmokeContainer {
    docker;
    name;
    constructor(docker, name) {
        this.docker = docker;
        this.name = name;
    }
    async start(imageId, test) {
        info(`Starting ${untrustedText(imageId)} as in production: its own ENTRYPOINT and CMD, network ${test.network}.`);
        const run = productionRunArgs({
            containerName: this.name,
            imageId,
            network: test.network,
            memory: test.memory,
            pidsLimit: test.pidsLimit,
            envNames: [...test.env.keys()],
            platform: test.platform
        });
        return this.capture(run, false, Object.fromEntries(test.env));
    }
    /** undefined once the container is gone (removed on a timeout, or by someone else). */
    async state() {
        const result = await this.docker.run(containerStateArgs(this.name), {
            silent: true,
            allowFailure: true
        });
        return result.exitCode === 0 ? parseContainerState(result.stdout.trim()) : undefined;
    }
    exec(command) {
        return this.capture(execArgs(this.name, command), true);
    }
    /** The end of the container's log, shown in the step's log, then its last HEALTHCHECK output. */
    async logTail() {
        const log = await this.capture(containerLogArgs(this.name, LOG_LINES), false);
        const health = (await this.state())?.lastHealthCheck;
        if (health === undefined || health.exitCode === 0)
            return log.output;
        return `${log.output}\n--- its last HEALTHCHECK (exit ${health.exitCode}) ---\n${health.output}`;
    }
    async remove() {
        await removeTestContainer(this.docker, this.name);
    }
    async capture(args, silent, env) {
        const tail = new OutputTail(smoke_test_TAIL_CHARS);
        const result = await this.docker.run(args, {
            silent,
            allowFailure: true,
            ...(env === undefined ? {} : { env }),
            onOutput: (chunk) => {
                tail.append(chunk.toString('utf8'));
            }
        });
        return { exitCode: result.exitCode, output: tail.toString() };
    }
}
/** The step's failure: what happened to the smoke test, and that nothing was pushed. */
function smokeTestFailureMessage(failure, timeoutSeconds) {
    const why = (() => {
        switch (failure.kind) {
            case 'not-started':
                return `the shipped image could not start for the smoke test: ${failure.message}`;
            case 'exited':
                return `the shipped image's container exited with code ${failure.exitCode}${failure.oomKilled ? ' (out of memory: test-memory)' : ''} before the smoke test passed`;
            case 'unhealthy':
                return "the shipped image's container became unhealthy (its HEALTHCHECK failed) before the smoke test ran";
            case 'failed':
                return `the smoke test failed with exit code ${failure.exitCode} in the healthy container`;
            case 'timed-out':
                return failure.waitingFor === 'healthy'
                    ? `the shipped image's container was not healthy within test-timeout (${timeoutSeconds} s)`
                    : `the smoke test did not pass within test-timeout (${timeoutSeconds} s)${failure.lastExitCode === undefined ? '' : `, last exit code ${failure.lastExitCode}`}`;
        }
    })();
    return `${why}: nothing was pushed`;
}
/**
 * The shipped image smoke-tested when smoke-test is given and one of its platforms runs here, with
 * the error that ends the run when it failed.
 */
async function smokeTestShipped(docker, imageId, test, platforms, reference) {
    const [platform] = platforms.runnable;
    if (test.smokeTest === undefined || platforms.runnable.length === 0) {
        return { report: undefined, failure: undefined };
    }
    const report = await group(`Smoke test ${reference} as it runs in production`, async () => smokeTestImage(await docker(), imageId, { ...test, platform }));
    const failed = report?.failure;
    const failure = failed === undefined
        ? undefined
        : new ActionError(smokeTestFailureMessage(failed, test.timeoutSeconds));
    return { report, failure };
}

;// CONCATENATED MODULE: ./src/pipeline/stage-layers.ts
// Proves the test image is the shipped image plus test layers, so its tests ran on the shipped bytes.

/** True when `tested` holds every layer of `shipped`, in the same order, before its own. */
function extendsLayers(shipped, tested) {
    return shipped.length <= tested.length && shipped.every((layer, at) => tested[at] === layer);
}
/** Throws one line naming both stages unless the test image was built FROM the shipped one. */
function requireTestedOnShipped(shipped, tested) {
    if (extendsLayers(shipped.diffIds, tested.diffIds))
        return;
    const example = shipped.name === undefined
        ? ' (name the shipped stage with AS to build FROM it)'
        : ` (FROM ${shipped.name} AS ${tested.name ?? 'test'})`;
    throw new ActionError(`the test stage ${tested.description} is not built on the shipped stage ${shipped.description}: its layers do not begin with the shipped image's layers, so the tests would not run on the bytes that are pushed. The test stage must be built FROM the shipped one${example}; nothing was pushed`);
}

;// CONCATENATED MODULE: ./src/pipeline/test-stage-image.ts
// Which image the tests run in: the shipped one, or with test-target a test stage proved to be built on it.



/**
 * The shipped image, or with test-target the test stage, once its layers prove it is the shipped
 * image plus test layers: the tests then ran on the very bytes that are pushed.
 */
async function imageToTest(docker, settings, shipped, labels, platforms) {
    const { built, reference } = shipped;
    const testTarget = settings.testTarget;
    if (testTarget === undefined || platforms.runnable.length === 0) {
        return { id: built.id, name: reference, testStage: undefined };
    }
    const runnable = platforms.runnable.filter((platform) => platform !== undefined);
    const { stage } = testTarget;
    const testStage = await group(`Build the test stage ${stage}`, async () => buildTestStage(await docker(), settings, reference, labels, stage, runnable));
    const description = testTarget.shipped.description;
    try {
        requireTestedOnShipped({ name: testTarget.shipped.name, description, diffIds: built.diffIds }, { name: stage, description: stage, diffIds: testStage.diffIds });
    }
    catch (error) {
        // Refused: nobody else holds this image to remove it.
        await dropRunTag(await docker(), testStage);
        throw error;
    }
    info(`The test stage ${stage} holds all ${built.diffIds.length} layers of the shipped stage ${description}, in order, and ${testStage.diffIds.length - built.diffIds.length} of its own.`);
    return { id: testStage.id, name: `the test stage ${stage}`, testStage };
}

;// CONCATENATED MODULE: ./src/pipeline/staged-record.ts
// The record of the tests that passed, made before the push and attached to the pushed image.



/**
 * The record of the tests that passed, made once they did: its blobs name no image, so they upload
 * while the image is pushed, and recordTests has only the manifests left to put.
 */
function stageTestRecord(registry, report, testedId) {
    const record = testRecordOf(report, testedId, new Date());
    const { transport } = registry.client;
    const artifact = withBlobsUploading(transport, registry.image.path, recordArtifact(record));
    return { record, artifact };
}
/**
 * The staged record attached to the image `digest`; `pushed` is what the registry said of the
 * image right after the push.
 */
async function recordTests(registry, staged, digest, pushed) {
    const { transport } = registry.client;
    const { record, artifact } = staged;
    await group('Attach the test record', () => attachTestRecord(transport, registry.image.path, digest, record, pushed, artifact));
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline-result.ts
// What a pipeline reports when it ends: the outcome it reached, with everything it learnt on the way.



function pipelineResult(state, outcome, digest, tags, failure) {
    const { settings, built } = state;
    return {
        report: {
            outcome,
            image: repositoryName(settings.image),
            shaTag: state.shaTag,
            sha: state.sha,
            digest,
            tags,
            test: state.test,
            recordedTest: state.recordedTest,
            smokeTest: state.smokeTest,
            ...builtImageFacts(built),
            platforms: platformOutcomes(state.platforms, state.test),
            pushedByDigest: settings.pushByDigest && outcome === 'pushed',
            warnings: state.warnings,
            failure,
            runUrl: state.runUrl
        },
        imageId: built?.id
    };
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts
// The build, test and push of one commit's image, as a report of what happened.
























class BuildPipeline {
    settings;
    context;
    revision;
    check;
    registry;
    tag;
    reference;
    lookup;
    built;
    /** The test stage's image, made only to run the tests in and removed at the end. */
    testStage;
    test = TESTS_NOT_REACHED;
    smoke;
    recordedTest;
    loggedIn;
    /** What this run put in the registry so far: a failure after the SHA tag's push must say so. */
    pushed;
    platforms = ENGINE_PLATFORM_ONLY;
    droppingRunTags;
    warnings;
    engine;
    constructor(settings, context, revision, check, registry, guess) {
        this.settings = settings;
        this.context = context;
        this.revision = revision;
        this.check = check;
        this.registry = registry;
        this.engine = check.docker;
        this.warnings = [...revision.warnings];
        this.tag = parseTag(shaTag(revision.sha, settings.shaFormat));
        this.reference = `${repositoryName(settings.image)}:${this.tag}`;
        const wanted = { reference: this.reference, sha: revision.sha };
        this.lookup = new ShaTagLookup(registry, settings, this.tag, wanted, guess);
    }
    static async create(settings, context, revision, engine, opened) {
        const registry = await (opened?.registry ?? openRepository(settings.image, settings));
        const check = engine instanceof EngineCheck ? engine : new EngineCheck(engine, settings.buildx);
        return new BuildPipeline(settings, context, revision, check, registry, opened?.guess);
    }
    /**
     * Runs to the end; whatever is thrown, a bug too, becomes the report's `failure`, kept as the
     * error it is, so the outputs, summary and comment are still written before the step fails.
     */
    async run() {
        try {
            return await this.steps();
        }
        catch (error) {
            const { digest, tags } = this.pushed ?? { digest: undefined, tags: [] };
            return this.result('failed', digest, [...tags], asError(error));
        }
        finally {
            await settleRemovals();
            await (this.droppingRunTags ?? this.dropRunTags());
            const loggedIn = await this.loggedIn?.catch(() => undefined);
            if (loggedIn !== undefined)
                await removeLogin(loggedIn);
        }
    }
    async dropRunTags() {
        await dropRunTags(() => this.docker(), [this.testStage, this.built]);
    }
    async steps() {
        // By digest, the SHA tag is the merged index's, never this platform's image.
        const byDigest = this.settings.pushByDigest;
        const existing = byDigest ? undefined : await this.lookup.existing('before building');
        if (existing !== undefined) {
            info(`${this.reference} is already in the registry at ${untrustedText(existing.digest)}: reusing it, nothing is rebuilt.`);
            return this.reuse(existing);
        }
        // The login runs while the engine is probed: neither needs the other's answer. With no lookup
        // to prove the credentials, a look at the SHA tag does, before anything is built.
        this.docker().catch(() => undefined);
        // The commit time the labels need may start git: it runs while the engine is checked.
        const labelling = ociLabels(this.settings, this.revision, this.context.repositoryUrl);
        const warning = await checkBeforeBuild({
            engine: this.check,
            credentialsProof: this.lookup.asksRegistry || !this.settings.push
                ? undefined
                : this.registry.resolve(this.tag),
            context: this.settings.context,
            sha: this.revision.sha
        });
        if (warning !== undefined)
            this.warnings.push(warning);
        await requireTestNetwork(this.engine, this.settings.test);
        const labels = await labelling;
        this.platforms = await platformPlan(this.engine, this.settings.buildx.platforms);
        const built = await group(`Build ${this.reference}`, async () => buildImage(await this.docker(), this.settings, this.reference, labels, this.platforms.built));
        this.built = built;
        info(`Built ${untrustedText(built.id)}`);
        if (this.settings.test.command === undefined) {
            core_warning(`No test-command given: the image is not tested${this.settings.push ? ' and is pushed untested' : ''}.`);
        }
        const tested = await imageToTest(() => this.docker(), this.settings, { built, reference: this.reference }, labels, this.platforms);
        this.testStage = tested.testStage;
        this.test = await group(`Test inside ${tested.name}`, async () => {
            const docker = await this.docker();
            return testOnPlatforms(this.platforms, this.settings.test, (test) => testImage(docker, tested.id, this.settings.testTarget?.stage, test));
        });
        if (this.test.result === 'failed') {
            const failure = new ActionError(testFailureMessage(this.test, this.settings.test));
            return this.result('test-failed', undefined, [], failure);
        }
        const smoke = await smokeTestShipped(() => this.docker(), built.id, this.settings.test, this.platforms, this.reference);
        this.smoke = smoke.report;
        if (smoke.failure !== undefined)
            return this.result('smoke-test-failed', undefined, [], smoke.failure);
        if (!this.settings.push) {
            await reclaimTag(await this.docker(), built, this.reference);
            return this.result('built', undefined, [], undefined);
        }
        // The record tells of the tests alone: it is made now, and its blobs go while the image does.
        const record = stageTestRecord(this.registry, this.result('pushed', undefined, [], undefined).report, this.testStage?.id ?? built.id);
        if (byDigest) {
            const manifest = await group(`Push ${this.reference} by digest`, async () => pushByDigest(await this.docker(), this.registry, built));
            const result = this.result('pushed', manifest.digest, [], undefined);
            await recordTests(this.registry, record, manifest.digest, manifest);
            return result;
        }
        // Another run of the same commit may have pushed while this one built and tested. The local
        // SHA tag is given back meanwhile: it names what this run built whatever the registry says.
        const reclaimed = this.docker().then((docker) => reclaimTag(docker, built, this.reference));
        reclaimed.catch(() => undefined);
        const pushedMeanwhile = await this.lookup.existing('before pushing');
        if (pushedMeanwhile !== undefined) {
            info(`${this.reference} was pushed by another run meanwhile (${untrustedText(pushedMeanwhile.digest)}): reusing it.`);
            await reclaimed.catch(() => undefined);
            return this.reuse(pushedMeanwhile);
        }
        const pushed = await group(`Push ${this.reference}`, async () => {
            const docker = await this.docker();
            await reclaimed;
            // The SHA tag names the image now: its run tags go while it is pushed.
            this.droppingRunTags = this.dropRunTags();
            this.droppingRunTags.catch(() => undefined);
            return pushShaTag(docker, this.registry, this.settings.image, this.tag);
        });
        if (!pushed.ours) {
            // Both runs built the same commit; the tag must name one image, so the registry's wins.
            await this.lookup.requireThisCommit(pushed.digest);
            core_warning(`Another run of this commit pushed ${this.reference} at the same time: using its ${pushed.digest}.`);
            return this.reuse({ digest: pushed.digest });
        }
        const { digest } = pushed;
        const ours = { digest, tags: [this.reference] };
        this.pushed = ours;
        await group('Push extra tags', () => this.pushExtraTags(digest, this.reference, ours.tags));
        const result = this.result('pushed', digest, [...ours.tags], undefined);
        await recordTests(this.registry, record, digest, pushed.manifest);
        return result;
    }
    async reuse(existing) {
        const record = existing.record ?? startReadingRecord(this.registry, existing.digest, this.revision.sha);
        const extra = await this.pushExtraTags(existing.digest, undefined);
        this.recordedTest = await reusedImageRecord(record, this.reference);
        return this.result('reused', existing.digest, [this.reference, ...extra], undefined);
    }
    pushExtraTags(digest, localImage, pushed = []) {
        return pushExtraTags(() => this.docker(), this.registry, this.settings.image, this.tag, digest, this.settings.extraTags, localImage, pushed);
    }
    /** Logs in only when docker needs the registry: a re-run that reuses the SHA tag never does. */
    docker() {
        this.loggedIn ??= loggedInEngine(this.engine, this.settings);
        return this.loggedIn;
    }
    result(outcome, digest, tags, failure) {
        const state = {
            settings: this.settings,
            shaTag: this.tag,
            sha: this.revision.sha,
            runUrl: this.context.runUrl,
            built: this.built,
            test: this.test,
            recordedTest: this.recordedTest,
            smokeTest: this.smoke,
            platforms: this.platforms,
            warnings: this.warnings
        };
        return pipelineResult(state, outcome, digest, tags, failure);
    }
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
        throw new InputError('password', `is empty but username '${username}' is set`);
    }
    if (password !== '' && username === '') {
        throw new InputError('username', 'is empty but password is set');
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

;// CONCATENATED MODULE: ./src/settings/command.ts
// A command input (test-command, smoke-test): a string runs through /bin/sh -c, a JSON array in exec form.


/** A JSON array runs in exec form (no shell needed in the image); anything else via /bin/sh -c. */
function commandInput(name) {
    const command = inputs_text(name);
    if (command === '')
        return undefined;
    if (!command.startsWith('['))
        return ['/bin/sh', '-c', command];
    let parsed;
    try {
        parsed = JSON.parse(command);
    }
    catch {
        throw new InputError(name, 'starts with [ but is not a JSON array of strings');
    }
    if (!Array.isArray(parsed) ||
        parsed.length === 0 ||
        !parsed.every((item) => typeof item === 'string' && item !== '')) {
        throw new InputError(name, 'a JSON array must hold one or more non-empty strings, e.g. ["npm","test"]');
    }
    return parsed;
}

;// CONCATENATED MODULE: ./src/pipeline/dockerfile-stages.ts
// Reads the build stages (`FROM … AS name`) out of a Dockerfile's text, as BuildKit's parser sees them.
const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*([\\`])\s*$/i;
const ANY_DIRECTIVE = /^#\s*[a-z][a-z0-9_-]*\s*=/i;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
/** Every stage of the Dockerfile in order; instructions other than FROM are skipped unread. */
function parseDockerfileStages(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const escape = escapeCharacter(lines);
    const stages = [];
    let instruction = [];
    let startLine = 0;
    let heredocs = [];
    for (const [index, line] of lines.entries()) {
        const pending = heredocs[0];
        if (pending !== undefined) {
            const body = pending.stripTabs ? line.replace(/^\t+/, '') : line;
            if (body === pending.word)
                heredocs = heredocs.slice(1);
            continue;
        }
        const trimmed = line.trim();
        // Comments and blank lines may sit inside a continued instruction without ending it.
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        if (instruction.length === 0)
            startLine = index + 1;
        const continued = trimmed.endsWith(escape);
        instruction.push(continued ? trimmed.slice(0, -1) : trimmed);
        if (continued)
            continue;
        const whole = instruction.join(' ');
        instruction = [];
        heredocs = heredocsOf(whole);
        const stage = fromInstruction(whole, startLine);
        if (stage !== undefined)
            stages.push(stage);
    }
    if (instruction.length > 0) {
        const stage = fromInstruction(instruction.join(' '), startLine);
        if (stage !== undefined)
            stages.push(stage);
    }
    return stages;
}
/** The stage called `name`: BuildKit compares stage names without regard to case. */
function findStage(stages, name) {
    const wanted = name.toLowerCase();
    return stages.find((stage) => stage.name?.toLowerCase() === wanted);
}
/** How a stage is named in messages: its name, or its position when it has none. */
function describeStage(stages, stage) {
    return stage.name ?? `unnamed stage ${stages.indexOf(stage) + 1} (line ${stage.line})`;
}
/** Parser directives come first, before any instruction, comment or blank line. */
function escapeCharacter(lines) {
    for (const line of lines) {
        const directive = ESCAPE_DIRECTIVE.exec(line.trim());
        if (directive !== null)
            return directive[1] ?? '\\';
        if (!ANY_DIRECTIVE.test(line.trim()))
            break;
    }
    return '\\';
}
function heredocsOf(instruction) {
    if (!/^(RUN|COPY|ADD)\s/i.test(instruction))
        return [];
    return [...instruction.matchAll(HEREDOC)].map((match) => ({
        word: match[3] ?? '',
        stripTabs: match[1] === '-'
    }));
}
function fromInstruction(instruction, line) {
    const [keyword, ...words] = instruction.split(/\s+/);
    if (keyword?.toUpperCase() !== 'FROM')
        return undefined;
    // Flags such as --platform=$BUILDPLATFORM come before the image.
    const operands = words.filter((word) => !word.startsWith('--'));
    const [base, as, name] = operands;
    if (base === undefined)
        return undefined;
    return { name: as?.toLowerCase() === 'as' && name !== undefined ? name : undefined, base, line };
}

;// CONCATENATED MODULE: ./src/settings/test-target.ts
// The test-target input: a Dockerfile stage built on the shipped stage, checked against the Dockerfile.




const MAX_DOCKERFILE_BYTES = 1024 * 1024;
/** Checked against the Dockerfile now, so a wrong name fails before anything is built. */
function testTargetInput(file, target, testCommand) {
    const stage = stageName('test-target');
    if (stage === undefined)
        return undefined;
    if (testCommand === undefined) {
        throw new InputError('test-target', `names the stage ${stage} to test in, but no test-command is given to run there`);
    }
    const stages = parseDockerfileStages(readDockerfile(file));
    if (findStage(stages, stage) === undefined) {
        throw new InputError('test-target', `'${stage}' is not a stage of ${file}: ${found(stages)}`);
    }
    const shipped = shippedStage(stages, target);
    if (shipped.name?.toLowerCase() === stage.toLowerCase()) {
        const which = target === undefined ? "the Dockerfile's last stage" : 'the target';
        throw new InputError('test-target', `'${stage}' is the shipped stage (${which}): name a stage built FROM it that adds the tests, e.g. FROM ${stage} AS test`);
    }
    return { stage, shipped: { name: shipped.name, description: describeStage(stages, shipped) } };
}
/** `target`, or the last stage; the test-target check above proved there is one. */
function shippedStage(stages, target) {
    const shipped = target === undefined ? stages.at(-1) : findStage(stages, target);
    if (shipped === undefined) {
        throw new InputError('target', `'${target ?? ''}' is not a stage of the Dockerfile: ${found(stages)}`);
    }
    return shipped;
}
function found(stages) {
    const named = stages.flatMap((stage) => (stage.name === undefined ? [] : [stage.name]));
    return named.length === 0 ? 'it has no named stages' : `its stages are ${named.join(', ')}`;
}
function readDockerfile(file) {
    const size = (0,external_node_fs_namespaceObject.statSync)(file).size;
    if (size > MAX_DOCKERFILE_BYTES) {
        throw new InputError('file', `${file} is ${size} bytes, more than a Dockerfile can be (1 MiB)`);
    }
    return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
}

;// CONCATENATED MODULE: ./src/settings/build.ts
// The root action's inputs, read once into one typed, readonly settings object.









const IF_EXISTS = ['skip', 'fail', 'overwrite'];
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function getBuildSettings(env = process.env) {
    const workspace = realPath((0,external_node_path_namespaceObject.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()));
    const image = imageInput(env);
    const context = pathInput('context', inputs_text('context') || '.', workspace);
    const file = dockerfileInput(context, workspace);
    const target = stageName('target');
    const testCommand = commandInput('test-command');
    return {
        image,
        context,
        file,
        buildArgs: keyValues('build-args'),
        target,
        testTarget: testTargetInput(file, target, testCommand),
        network: buildNetworkInput(),
        buildx: buildxInputs(env),
        labels: keyValues('labels', LABEL_KEY),
        extraTags: list('tags').map((tag) => extraTagInput(tag, image)),
        shaFormat: oneOf('sha-format', ['short', 'long'], 'short'),
        test: {
            command: testCommand,
            smokeTest: commandInput('smoke-test'),
            env: keyValues('test-env'),
            network: networkInput(),
            timeoutSeconds: seconds('test-timeout', 900),
            memory: memoryInput(),
            pidsLimit: pidsInput()
        },
        push: inputs_boolean('push', true),
        pushByDigest: pushByDigestInput(list('tags')),
        ifExists: oneOf('if-exists', IF_EXISTS, 'skip'),
        ...registryAuthInputs(image, env),
        comment: inputs_boolean('comment', true)
    };
}
function imageInput(env) {
    const given = inputs_text('image');
    const value = given !== '' ? given : defaultImage(env);
    try {
        return parseRepository(value);
    }
    catch (error) {
        if (error instanceof InvalidReferenceError)
            throw new InputError('image', error.message);
        throw error;
    }
}
function defaultImage(env) {
    const repository = env.GITHUB_REPOSITORY;
    if (repository === undefined || repository === '') {
        throw new InputError('image', 'is empty and GITHUB_REPOSITORY is not set to derive ghcr.io/<owner>/<repo>');
    }
    return `ghcr.io/${repository.toLowerCase()}`;
}
/**
 * Resolves a path input against the workspace and refuses one that leaves it, lexically and then
 * through symlinks: a committed `ctx -> /outside` would otherwise put host files into the image.
 */
function pathInput(name, value, workspace) {
    if (value.includes('\0'))
        throw new InputError(name, 'contains a NUL character');
    const path = (0,external_node_path_namespaceObject.resolve)(workspace, value);
    if (!isInside(workspace, path)) {
        throw new InputError(name, `'${printable(value)}' is outside the workspace ${workspace}`);
    }
    const real = realPath(path);
    if (!isInside(workspace, real)) {
        throw new InputError(name, `'${printable(value)}' is outside the workspace ${workspace} (it resolves to ${printable(real)})`);
    }
    if (name === 'context' && !isKind(real, 'directory')) {
        throw new InputError(name, `'${printable(value)}' is not a directory`);
    }
    if (name === 'file' && !isKind(real, 'file')) {
        throw new InputError(name, `no Dockerfile at ${path}`);
    }
    return real;
}
function isInside(workspace, path) {
    const inside = (0,external_node_path_namespaceObject.relative)(workspace, path);
    return !(inside.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(inside));
}
/** The path with every symlink followed; a missing path stays as it is (refused later). */
function realPath(path) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(path);
    }
    catch {
        return path;
    }
}
function isKind(path, kind) {
    const stat = (0,external_node_fs_namespaceObject.statSync)(path, { throwIfNoEntry: false });
    return kind === 'directory' ? stat?.isDirectory() === true : stat?.isFile() === true;
}
function dockerfileInput(context, workspace) {
    // path.format, not resolve(context, 'Dockerfile'): ncc would rewrite that into a bundled asset path.
    const given = inputs_text('file') || (0,external_node_path_namespaceObject.relative)(workspace, (0,external_node_path_namespaceObject.format)({ dir: context, base: 'Dockerfile' }));
    return pathInput('file', given, workspace);
}
function extraTagInput(value, image) {
    try {
        if (!value.includes('/') && !value.includes(':') && !value.includes('@')) {
            return { repository: image, tag: parseTag(value) };
        }
        const reference = parseReference(value);
        if (reference.tag === undefined || reference.digest !== undefined) {
            throw new InvalidReferenceError(`'${value}' must be a tag or a reference with a tag (no digest)`);
        }
        return reference;
    }
    catch (error) {
        if (error instanceof InvalidReferenceError)
            throw new InputError('tags', error.message);
        throw error;
    }
}
/** A run that pushes by digest writes no tag: the merge job tags the joined index. */
function pushByDigestInput(tags) {
    const byDigest = inputs_boolean('push-by-digest', false);
    if (!byDigest)
        return false;
    if (!inputs_boolean('push', true)) {
        throw new InputError('push-by-digest', 'needs push: true (it is a way to push)');
    }
    if (tags.length > 0) {
        throw new InputError('push-by-digest', 'pushes no tag, so tags cannot be given: give them to the merge sub-action');
    }
    return true;
}
function networkInput() {
    const network = inputs_text('test-network') || 'none';
    if (!NETWORK.test(network)) {
        throw new InputError('test-network', `'${printable(network)}' is not a Docker network name (none, host, bridge or a network's name)`);
    }
    return network;
}
function buildNetworkInput() {
    const network = inputs_text('network');
    if (network === '')
        return undefined;
    if (!NETWORK.test(network)) {
        throw new InputError('network', `'${printable(network)}' is not a Docker network name (host, none or a network's name)`);
    }
    return network;
}
/** `0` or `none` lifts the limit; otherwise Docker's size syntax (512m, 4g). */
function memoryInput() {
    const value = inputs_text('test-memory') || '4g';
    if (value === '0' || value === 'none')
        return undefined;
    if (!/^[1-9]\d*[bkmg]?$/i.test(value)) {
        throw new InputError('test-memory', `'${printable(value)}' is not a size like 512m or 4g (or none)`);
    }
    return value.toLowerCase();
}
function pidsInput() {
    const value = inputs_text('test-pids-limit') || '4096';
    if (value === '0' || value === 'none')
        return undefined;
    if (!/^[1-9]\d{0,6}$/.test(value)) {
        throw new InputError('test-pids-limit', `'${printable(value)}' is not a whole number of processes (or none)`);
    }
    return Number(value);
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
        core_warning('No github-token: the pull request comment is skipped.');
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
        core_warning(`Could not comment on pull request #${run.pullRequest.number}: ${why}`);
        return '';
    }
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// Markdown building blocks that stay intact whatever text is put inside them.
/** A code block whose fence is longer than any backtick run inside, so the text cannot close it. */
function codeBlock(text, language = '') {
    const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
/** Inline code that survives backticks in the text. */
function inlineCode(text) {
    const oneLine = text.replace(/[\r\n]+/g, ' ');
    const longestRun = Math.max(0, ...Array.from(oneLine.matchAll(/`+/g), (match) => match[0].length));
    const ticks = '`'.repeat(longestRun + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}
/** Text outside code: no HTML, no @mention pings, no line breaks. */
function plainText(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
        .replace(/([\\`*_[\]|])/g, '\\$1');
}
/** A two-column table of facts without a header row, as the comment and the summaries show them. */
function factTable(rows) {
    return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value} |`)].join('\n');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'B'}`;
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)} s`;
    return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

;// CONCATENATED MODULE: ./src/render/headline.ts

function headlineText(report) {
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

;// CONCATENATED MODULE: ./src/render/platforms.ts

function platformRows(report) {
    return (report.platforms ?? []).map(({ platform, tested }) => [
        `Platform ${inlineCode(platform)}`,
        tested ? 'built and tested' : 'built only, not tested (it cannot run on this runner)'
    ]);
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
    const tail = comment_lastLines(report.test.outputTail, TEST_TAIL_LINES);
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
    const log = comment_lastLines(smoke.logTail, TEST_TAIL_LINES);
    const output = comment_lastLines(smoke.outputTail, TEST_TAIL_LINES);
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
function comment_lastLines(text, count) {
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
        core_warning(`Could not write the job summary: ${getErrorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/build-test-push/publish.ts
// Tells the world what the pipeline did: step outputs, the job summary and the pull-request comment.






/**
 * Outputs, summary and comment, whatever the outcome, a bug included; then the step fails with the
 * pipeline's own error, kind, status and code intact.
 */
async function publish(settings, context, result) {
    const { report } = result;
    setOutputs(report, result.imageId);
    await writeSummary(report);
    const commentUrl = settings.comment
        ? await commentOnPullRequest(context, settings.githubToken, commentMarker(report.image), renderComment(report))
        : '';
    setOutput('comment-url', commentUrl);
    if (report.failure !== undefined)
        throw report.failure;
    const where = report.digest === undefined
        ? `${report.image}:${report.shaTag}`
        : `${report.image}@${untrustedText(report.digest)}`;
    info(`${report.outcome === 'reused' ? 'Reused' : report.outcome === 'pushed' ? 'Pushed' : 'Built'} ${where} (commit ${report.sha})`);
}
function setOutputs(report, imageId) {
    setOutput('image', report.image);
    setOutput('tag', report.pushedByDigest === true ? '' : report.shaTag);
    setOutput('tags', report.tags.join('\n'));
    setOutput('digest', report.digest ?? '');
    setOutput('ref', imageRef(report) ?? '');
    setOutput('image-id', imageId ?? '');
    setOutput('test-result', testResultOutput(report));
    setOutput('smoke-test-result', smokeTestResultOutput(report));
    setOutput('pushed', String(pushedByThisRun(report)));
}
/** Pushed, or pushed under the SHA tag before a later step (an extra tag) failed. */
function pushedByThisRun(report) {
    return report.outcome === 'pushed' || (report.outcome === 'failed' && report.digest !== undefined);
}
/**
 * A reused image's result is what its test record says; `not-tested` when it has none. A failed
 * smoke test fails it too: a workflow that checks only test-result must not take the image as good.
 */
function testResultOutput(report) {
    if (report.smokeTest?.result === 'failed')
        return 'failed';
    if (report.outcome !== 'reused' || report.test.result !== 'skipped')
        return report.test.result;
    return report.recordedTest?.result ?? 'not-tested';
}
/** The smoke test's result, or for a reused image what its test record says. */
function smokeTestResultOutput(report) {
    if (report.smokeTest !== undefined)
        return report.smokeTest.result;
    if (report.outcome !== 'reused' || report.test.result !== 'skipped')
        return 'skipped';
    if (report.recordedTest === undefined)
        return 'not-tested';
    return report.recordedTest.smokeTest ?? 'skipped';
}
function writeSummary(report) {
    return writeJobSummary(renderReport(report));
}

;// CONCATENATED MODULE: ./src/build-test-push/main.ts
// The root action: build the image, test inside it, push it only if the tests pass, report the digest.
















async function run() {
    markMainRan();
    // The runner cancels a step with SIGINT, then SIGTERM: no test container may outlive it.
    process.on('SIGINT', () => void cancelTests('SIGINT'));
    process.on('SIGTERM', () => void cancelTests('SIGTERM'));
    try {
        const settings = getBuildSettings();
        const context = runContext();
        const engine = new EngineCheck(new Docker(), settings.buildx);
        // A run that builds whatever the registry holds probes the engine and buildx while git is read:
        // its fixed cost is the slowest of them, not their sum. One that may reuse the SHA tag asks the
        // registry first, so that a re-run never starts docker; it only finds what the probes need.
        const mayReuse = mayReuseShaTag(settings);
        if (!mayReuse)
            engine.start();
        const registry = openRepository(settings.image, settings);
        registry.catch(() => undefined);
        const guess = guessShaTag(registry, settings, context.eventSha);
        if (mayReuse)
            engine.prepare();
        const revision = chooseRevision(await readCheckout(settings.context), context, new Date());
        const pipeline = await BuildPipeline.create(settings, context, revision, engine, {
            registry,
            guess
        });
        for (const warning of revision.warnings)
            core_warning(warning);
        await publish(settings, context, await pipeline.run());
    }
    catch (error) {
        failStep(error);
    }
    finally {
        settleCleanupFlag();
    }
}

;// CONCATENATED MODULE: ./src/build-test-push/post.ts
// The post step: remove what the main step left behind (its registry login, a test or smoke-test container),
// checking first that each is the action's own: the names come from state, which may be forged.







async function post() {
    await removeLeftContainer('test', testContainerToRemove());
    await removeLeftContainer('smoke', smokeContainerToRemove());
    await removeDockerConfig();
}
async function removeLeftContainer(kind, name) {
    if (name === '')
        return;
    if (!CONTAINER_NAMES[kind].test(name)) {
        core_warning(`Did not remove the container '${printable(name)}': not a ${kind} container name.`);
        return;
    }
    try {
        if (await removeTestContainer(new Docker(), name))
            info(`Removed the ${kind} container ${name} that the main step left running.`);
    }
    catch (error) {
        core_warning(`Could not remove the ${kind} container ${name}: ${getErrorMessage(error)}`);
    }
}
async function removeDockerConfig() {
    const dir = dockerConfigDirToRemove();
    if (dir === '')
        return;
    const removal = await removeOwnDockerConfig(dir);
    if (removal.removed)
        info('Removed the Docker config holding the registry login.');
    else
        core_warning(`Did not remove '${printable(dir)}': ${removal.why}.`);
}

;// CONCATENATED MODULE: ./src/build-test-push/index.ts



void (isPost ? post() : run());

module.exports = __webpack_exports__;
/******/ })()
;