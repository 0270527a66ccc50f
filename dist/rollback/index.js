/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 67:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = require("node:https");

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
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
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
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
    }
}
/** A user mistake in an input: one line naming the input. */
class errors_InputError extends ActionError {
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
const STOP = { retry: false };
const BACK_OFF = { retry: true };
const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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
function failedBeforeSending(error) {
    const code = errorCode(error);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
/**
 * Runs `call` until `judge` says stop or the attempts run out. A value judged worth retrying is
 * returned as it is after the last attempt (the caller reports it); an error is thrown.
 */
async function withRetry(call, judge, policy, sleep = sleepFor) {
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
                ? Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)).then((https) => ({
                    open: https.request,
                    agent: new https.Agent({ keepAlive: true })
                }))
                : Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23)).then((http) => ({
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
        return final ? STOP : BACK_OFF;
    }
    if (!isTransient(outcome.value.status))
        return STOP;
    const asked = retryAfterMs(outcome.value.headers.get('retry-after'));
    return asked === undefined ? BACK_OFF : { retry: true, afterMs: asked };
}
/** Sends a request through the retry policy; returns the last response, or throws TransportError. */
async function send(request, policy = DEFAULT_RETRY, sleep = sleepFor) {
    try {
        return await withRetry(() => sendOnce(request, policy.timeoutMs), registryVerdict, policy, sleep);
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

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = require("node:net");
;// CONCATENATED MODULE: ./src/registry/realm.ts
// Where a registry may send us for a token: the realm policy that keeps credentials at home.

function blockList(subnets) {
    const list = new external_node_net_namespaceObject.BlockList();
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
    const family = (0,external_node_net_namespaceObject.isIP)(host);
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
        return STOP;
    const asked = retryAfterMs(response?.headers?.['retry-after'], now);
    return asked === undefined ? BACK_OFF : { retry: true, afterMs: asked };
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
    return (outcome) => (outcome.ok ? STOP : verdict(outcome.error));
}
/** A read or an update, retried through rate limits, server errors and network failures. */
function withGitHubRetry(call, policy = DEFAULT_GITHUB_RETRY, sleep = sleepFor) {
    return withRetry(call, judged(readVerdict), policy, sleep);
}
/** A call that creates something, retried only when GitHub cannot have acted on it. */
function withGitHubCreateRetry(call, policy = DEFAULT_GITHUB_RETRY, sleep = sleepFor) {
    return withRetry(call, judged(createVerdict), policy, sleep);
}

;// CONCATENATED MODULE: ./src/github/deployment-history.ts

/** The few fields of GitHub's answers we read, checked before use: the answers are untrusted. */
function idOf(value, what) {
    const id = value?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        throw new Error(`GitHub's answer to ${what} carries no deployment id`);
    }
    return id;
}
function restDeploymentHistory(rest, repository) {
    const deployments = `repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/deployments`;
    return {
        async *list(environment) {
            const first = rest.url(deployments, { environment, per_page: 100 });
            for await (const page of rest.pages(first)) {
                for (const deployment of page) {
                    yield {
                        id: idOf(deployment, 'the deployments list'),
                        payload: deployment.payload
                    };
                }
            }
        },
        async latestState(deploymentId) {
            const url = rest.url(`${deployments}/${deploymentId}/statuses`, { per_page: 1 });
            const { data } = await withGitHubRetry(() => rest.request('GET', url));
            const state = Array.isArray(data)
                ? data[0]?.state
                : undefined;
            return typeof state === 'string' ? state : 'pending';
        },
        async create(deployment) {
            const { data } = await withGitHubCreateRetry(() => rest.request('POST', rest.url(deployments), {
                ref: deployment.ref,
                environment: deployment.environment,
                task: 'deploy',
                auto_merge: false,
                required_contexts: [],
                payload: { ...deployment.payload },
                description: deployment.description,
                transient_environment: false,
                production_environment: deployment.production
            }));
            return idOf(data, 'the deployment created');
        },
        async setStatus(deploymentId, status) {
            await withGitHubRetry(() => rest.request('POST', rest.url(`${deployments}/${deploymentId}/statuses`), {
                state: status.state,
                log_url: status.logUrl,
                ...(status.description === undefined ? {} : { description: status.description }),
                ...(status.autoInactive === undefined ? {} : { auto_inactive: status.autoInactive })
            }));
        }
    };
}

;// CONCATENATED MODULE: ./src/github/rest.ts
// GitHub's REST API on node:http/https: JSON in, capped JSON out, pages followed by their Link header.
// Promotion's few deployment calls go through it rather than Octokit, whose loading (with undici)
// would cost each promote more than its registry work.



/** A page of 100 deployments with their payloads is tens of KiB; GitHub's answers never near this. */
const GITHUB_ANSWER_LIMIT = 8 * 1024 * 1024;
const TIMEOUT_MS = 30_000;
/** The REST API version our calls and the double's schema are written against. */
const API_VERSION = '2022-11-28';
/** A refusal from GitHub, shaped as Octokit's RequestError so the retry verdicts read it alike. */
class GitHubApiError extends Error {
    status;
    response;
    constructor(message, status, headers) {
        super(message);
        this.status = status;
        this.name = 'GitHubApiError';
        const named = ['retry-after', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
        this.response = {
            headers: Object.fromEntries(named.map((name) => [name, headers.get(name) ?? undefined]))
        };
    }
}
class GitHubRest {
    token;
    base;
    constructor(token, 
    /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
    baseUrl) {
        this.token = token;
        this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    }
    /** `path` is relative to the API root, e.g. `repos/acme/web/deployments`. */
    url(path, query = {}) {
        const url = new URL(path.replace(/^\//, ''), this.base);
        for (const [name, value] of Object.entries(query))
            url.searchParams.set(name, String(value));
        return url;
    }
    async request(method, url, body) {
        if (url.origin !== this.base.origin) {
            throw new Error(`refused to send the GitHub token to ${url.origin}`);
        }
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const response = await exchange({
            method,
            url,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${this.token}`,
                'user-agent': 'immutable-image',
                'x-github-api-version': API_VERSION,
                ...(payload === undefined ? {} : { 'content-type': 'application/json' })
            },
            body: payload,
            timeoutMs: TIMEOUT_MS
        });
        const what = `GitHub's answer to ${method} ${url.pathname}`;
        let text;
        try {
            const bytes = await readCapped(response.body, response.headers.get('content-length'), GITHUB_ANSWER_LIMIT, what, () => {
                response.abort();
            });
            text = bytes.toString('utf8');
        }
        finally {
            response.done();
        }
        if (response.status < 200 || response.status >= 300) {
            throw new GitHubApiError(`GitHub answered ${response.status} to ${method} ${url.pathname}${reasonOf(text)}`, response.status, response.headers);
        }
        return { data: parseJson(text, what), headers: response.headers };
    }
    /** Every page of a list, following `rel="next"` only to the API's own origin. */
    async *pages(first) {
        for (let url = first; url !== undefined;) {
            const { data, headers } = await this.request('GET', url);
            if (!Array.isArray(data))
                throw new Error(`GitHub's answer to GET ${url.pathname} is no list`);
            yield data;
            url = nextPage(headers.get('link'), url);
        }
    }
}
function parseJson(text, what) {
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new Error(`${what} is not JSON`);
    }
}
/** GitHub's `message`, made inert and short, for the error line. */
function reasonOf(text) {
    try {
        const { message } = JSON.parse(text);
        return typeof message === 'string' ? ` (${untrustedText(message)})` : '';
    }
    catch {
        return '';
    }
}
/** The `rel="next"` target of a Link header, resolved against the page it came with. */
function nextPage(link, current) {
    for (const part of (link ?? '').split(',')) {
        const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (match === null || !/\brel="?next"?/.test(match[2] ?? ''))
            continue;
        return new URL(match[1] ?? '', current);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/deployments.ts
// Promotions recorded as GitHub deployments, so the repository's Environments page is the history.


const PAYLOAD_TOOL = 'immutable-image';
/**
 * Creates the deployment and marks it in progress, unless `over()` says the promotion has already
 * ended by the time GitHub answered: its final status then follows the create straight away, one
 * round trip fewer, and the deployment never shows as running after it has finished.
 */
async function startDeployment(history, deployment, over = () => false) {
    const id = await history.create({
        ref: deployment.ref,
        environment: deployment.environment,
        payload: { ...deployment.payload },
        description: `${deployment.payload.image}@${deployment.payload.digest}`.slice(0, 140),
        production: /^prod(uction)?$/i.test(deployment.environment)
    });
    if (!over())
        await history.setStatus(id, { state: 'in_progress', logUrl: deployment.logUrl });
    return id;
}
async function finishDeployment(history, deploymentId, outcome) {
    await history.setStatus(deploymentId, {
        state: outcome.state,
        logUrl: outcome.logUrl,
        description: outcome.description.slice(0, 140),
        autoInactive: true
    });
}
const SHOWN_VALUE_CHARS = 40;
/**
 * Anyone with `deployments: write` can write a payload: a digest read back from one is used in a
 * registry URL and printed, so it must be a digest (not `../other/app/manifests/latest`, not text
 * with newlines) before anything uses it.
 */
function readPayload(value, image) {
    if (typeof value !== 'object' || value === null)
        return { kind: 'other' };
    const payload = value;
    if (payload.tool !== PAYLOAD_TOOL || payload.image !== image)
        return { kind: 'other' };
    if (!isDigestText(payload.digest)) {
        return { kind: 'invalid', problem: `its digest ${shown(payload.digest)} is not a digest` };
    }
    if (payload.previous_digest !== '' && !isDigestText(payload.previous_digest)) {
        return {
            kind: 'invalid',
            problem: `its previous_digest ${shown(payload.previous_digest)} is not a digest`
        };
    }
    return { kind: 'ours', payload: payload };
}
function isDigestText(value) {
    return typeof value === 'string' && isDigest(value);
}
/** An untrusted value quoted on one line and capped, for a warning. */
function shown(value) {
    const text = value === undefined ? '(none)' : JSON.stringify(value);
    return text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS)}…` : text;
}
/** Our deployments of one image to one environment, newest first, each with its latest status. */
async function* environmentHistory(history, environment, image) {
    for await (const deployment of history.list(environment)) {
        const reading = readPayload(deployment.payload, image);
        if (reading.kind === 'other')
            continue;
        if (reading.kind === 'invalid') {
            warning(`Skipped deployment ${deployment.id} of ${environment}: ${reading.problem}.`);
            continue;
        }
        const state = await history.latestState(deployment.id);
        yield { deploymentId: deployment.id, payload: reading.payload, state };
    }
}
/** A deployment that went live: still live (success) or since superseded (inactive). */
function wentLive(entry) {
    return entry.state === 'success' || entry.state === 'inactive';
}
/**
 * The digest the environment held before the deployment that put `current` there, as
 * `kubectl rollout undo` does: a rollback records the digest it replaced, so a second one flips back.
 */
async function previousDigest(current, history) {
    for await (const entry of history) {
        if (!wentLive(entry) || entry.payload.digest !== current)
            continue;
        if (entry.payload.previous_digest === '') {
            return {
                found: false,
                reason: `deployment ${entry.deploymentId} put ${current} there first: nothing came before it`
            };
        }
        return {
            found: true,
            digest: parseDigest(entry.payload.previous_digest),
            deploymentId: entry.deploymentId
        };
    }
    return {
        found: false,
        reason: `no successful deployment in the history put the current ${current} there`
    };
}

;// CONCATENATED MODULE: ./src/promote/deployment-log.ts
// The promotion's GitHub side: deployment records and the environment's history.






/**
 * GitHub failures while recording never undo or repeat the registry work: they become warnings.
 * Reading the history for a rollback is different: without it there is no safe answer.
 */
function githubDeploymentLog(run, options, openHistory = () => Promise.resolve(restDeploymentHistory(new GitHubRest(options.token, run.apiUrl), {
    owner: run.owner,
    repo: run.repo
}))) {
    let opened;
    const history = () => (opened ??= openHistory());
    return {
        async start(promotion, over) {
            if (!options.record)
                return undefined;
            if (options.token === '') {
                warning('No github-token: the promotion is not recorded as a deployment.');
                return undefined;
            }
            try {
                const id = await startDeployment(await history(), {
                    ref: run.eventSha,
                    environment: options.environment,
                    logUrl: run.runUrl,
                    payload: {
                        tool: PAYLOAD_TOOL,
                        image: promotion.image,
                        digest: promotion.digest,
                        source: promotion.source,
                        previous_digest: promotion.previousDigest,
                        targets: promotion.targets,
                        actor: run.actor,
                        run_url: run.runUrl
                    }
                }, over);
                info(`Recorded as deployment ${untrustedText(id)} of ${options.environment}.`);
                return id;
            }
            catch (error) {
                warning(`Could not record the deployment of ${options.environment}: ${getErrorMessage(error)}`);
                return undefined;
            }
        },
        async finish(deploymentId, state, description) {
            if (deploymentId === undefined || options.token === '')
                return;
            try {
                await finishDeployment(await history(), deploymentId, {
                    state,
                    logUrl: run.runUrl,
                    description
                });
            }
            catch (error) {
                warning(`Could not set deployment ${deploymentId} to ${state}: ${getErrorMessage(error)}`);
            }
        },
        async previous(current) {
            if (options.token === '') {
                return { found: false, reason: 'no github-token to read the deployment history with' };
            }
            return previousDigest(current, environmentHistory(await history(), options.environment, options.image));
        }
    };
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
async function settledTag(first, read, sleep = sleepFor) {
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

;// CONCATENATED MODULE: ./src/promote/promotion.ts
// One promotion: resolve the source to a digest, move the target tags to it, record it as a deployment.







function describeSource(source) {
    switch (source.kind) {
        case 'tag':
            return source.tag;
        case 'digest':
            return source.digest;
        case 'previous':
            return 'previous';
    }
}
async function promote(settings, run, registry, log) {
    const image = registry.name;
    const resolving = Promise.all(settings.targets.map(async (tag) => ({ tag, before: await registry.resolve(tag) })));
    // A tag or digest source is asked for while the targets resolve, one round trip for both; a
    // rollback must know what the first target holds before it can look up what came before.
    const fetching = settings.source.kind === 'previous'
        ? resolving.then((resolved) => rollbackManifest(settings, registry, log, resolved[0]?.before?.digest ?? ''))
        : fetchOrFail(registry, settings.source.kind === 'tag' ? settings.source.tag : settings.source.digest);
    loadHashingWhileWaiting();
    const [targets, manifest] = await Promise.all([resolving, fetching]);
    const previousDigest = targets[0]?.before?.digest ?? '';
    const source = describeSource(settings.source);
    info(`Promoting ${image}@${untrustedText(manifest.digest)} (${source}) to ${settings.targets.join(', ')}`);
    // The deployment is created while the tags move: its round trips to GitHub overlap the registry's.
    // DeploymentLog.start never rejects (GitHub's failures become warnings): left unawaited meanwhile,
    // it cannot become an unhandled rejection.
    let retagEnded = false;
    const starting = log.start({
        image,
        digest: manifest.digest,
        source: settings.source.kind === 'previous' ? `previous (${manifest.digest})` : source,
        previousDigest,
        targets: settings.targets
    }, () => retagEnded);
    let result;
    try {
        result = await retag(registry, manifest, targets).finally(() => {
            retagEnded = true;
        });
    }
    catch (error) {
        await log.finish(await starting, 'failure', `promotion of ${manifest.digest} failed`);
        throw error;
    }
    const deploymentId = await starting;
    await log.finish(deploymentId, 'success', `${settings.targets.join(', ')} → ${manifest.digest}`);
    return { image, digest: manifest.digest, previousDigest, source, ...result, deploymentId };
}
async function rollbackManifest(settings, registry, log, current) {
    const image = registry.name;
    const target = settings.targets[0] ?? '';
    if (current === '') {
        throw new ActionError(`${image}:${target} does not exist: there is nothing to roll back`);
    }
    const previous = await log.previous(current);
    if (!previous.found) {
        throw new ActionError(`cannot tell what ${settings.environment} ran before ${current}: ${previous.reason}. Name a tag or digest to roll back to`);
    }
    info(`${settings.environment} ran ${untrustedText(previous.digest)} before ${untrustedText(current)} (deployment ${untrustedText(previous.deploymentId)}).`);
    return fetchOrFail(registry, previous.digest);
}
async function fetchOrFail(registry, reference) {
    let manifest = await registry.fetch(reference);
    if (manifest !== undefined && isAttestationManifest(manifest)) {
        // A tag read while a docker push under it is halfway may name the index's attestation.
        if (!isDigest(reference))
            manifest = await settledTag(manifest, () => registry.fetch(reference));
        if (manifest !== undefined && isAttestationManifest(manifest)) {
            throw new ActionError(`source '${reference}' in ${registry.name} is an attestation manifest, not an image: nothing was changed`);
        }
    }
    if (manifest === undefined) {
        throw new ActionError(`source '${reference}' was not found in ${registry.name}: nothing was changed`);
    }
    return manifest;
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

;// CONCATENATED MODULE: ./src/render/promotion.ts

function renderPromotion(result, environment) {
    return [
        `### 🚀 ${inlineCode(environment)} → ${inlineCode(result.digest.slice(0, 19))}`,
        factTable([
            ['Ref', inlineCode(`${result.image}@${result.digest}`)],
            ['Source', inlineCode(result.source)],
            ['Before', result.previousDigest === '' ? '(new)' : inlineCode(result.previousDigest)],
            ['Moved', tagList(result.moved)],
            ['Already there', tagList(result.unchanged)],
            [
                'Deployment',
                result.deploymentId === undefined ? 'not recorded' : String(result.deploymentId)
            ]
        ])
    ].join('\n\n');
}
function tagList(tags) {
    return tags.map((tag) => inlineCode(tag)).join(', ') || '(none)';
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

;// CONCATENATED MODULE: ./src/promote/outputs.ts
// The promote and rollback actions' step outputs, set together from one result.

function setPromotionOutputs(result) {
    setOutput('digest', result.digest);
    setOutput('previous-digest', result.previousDigest);
    setOutput('ref', `${result.image}@${result.digest}`);
    setOutput('deployment-id', result.deploymentId === undefined ? '' : String(result.deploymentId));
}

;// CONCATENATED MODULE: ./src/promote/run-promotion.ts
// The promote and rollback actions' shared body: settings → registry → promotion → outputs.










async function runPromotion(readSettings) {
    try {
        const settings = readSettings();
        const run = runContext();
        const registry = await openRepository(settings.image, settings);
        const log = githubDeploymentLog(run, {
            token: settings.githubToken,
            record: settings.record,
            environment: settings.environment,
            image: registry.name
        });
        const result = await promote(settings, run, registry, log);
        setPromotionOutputs(result);
        await writeJobSummary(renderPromotion(result, settings.environment));
        info(`${settings.environment}: ${result.image}@${untrustedText(result.digest)} (${registry.requestCount} registry requests)`);
    }
    catch (error) {
        failStep(error);
    }
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
    throw new errors_InputError(name, `expected true or false, got '${printable(value)}'`);
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

;// CONCATENATED MODULE: ./src/settings/promotion-inputs.ts
// Pure parsers of the inputs promote and rollback share: image, source, targets and environment.



function imageInput(value) {
    if (value === '')
        throw new errors_InputError('image', 'is required (a repository such as ghcr.io/acme/web)');
    try {
        return parseRepository(value);
    }
    catch (error) {
        if (error instanceof InvalidReferenceError)
            throw new errors_InputError('image', error.message);
        throw error;
    }
}
/** A tag, a digest, `previous`, or a full reference in the image's repository (the build's `ref`). */
function sourceInput(name, value, image) {
    if (value === '')
        throw new errors_InputError(name, 'is required: a tag, a digest (sha256:…) or previous');
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
            throw new errors_InputError(name, `${error.message}; expected a tag, a digest (sha256:…) or previous`);
        }
        throw error;
    }
}
function sourceReference(name, value, image) {
    const reference = parseReference(value);
    if (!sameRepository(reference.repository, image)) {
        throw new errors_InputError(name, `'${printable(value)}' is not in ${repositoryName(image)}: promotion moves tags within one repository`);
    }
    if (reference.digest !== undefined)
        return { kind: 'digest', digest: reference.digest };
    if (reference.tag !== undefined)
        return { kind: 'tag', tag: reference.tag };
    throw new errors_InputError(name, `'${printable(value)}' names no tag or digest`);
}
/** One or more tags, repeats dropped; `values` empty means the input was not given. */
function targetsInput(values) {
    if (values.length === 0)
        throw new errors_InputError('target', 'is required: one or more tags, one a line');
    const tags = values.map((value) => {
        try {
            return parseTag(value);
        }
        catch (error) {
            if (error instanceof InvalidReferenceError)
                throw new errors_InputError('target', error.message);
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
        throw new errors_InputError('environment', `'${printable(value)}' is not a valid environment name`);
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

;// CONCATENATED MODULE: ./src/settings/rollback.ts
// The rollback action's inputs: a promotion of the environment's own tag, to `previous` by default.




function getRollbackSettings(env = process.env) {
    const image = imageInput(inputs_text('image'));
    const environment = environmentInput(inputs_text('environment'));
    if (environment === undefined)
        throw new errors_InputError('environment', 'is required (e.g. staging or production)');
    const to = inputs_text('to');
    const source = to === '' ? { kind: 'previous' } : sourceInput('to', to, image);
    const given = lines('target');
    const targets = targetsInput(given.length === 0 ? [environment] : given);
    return {
        image,
        source,
        targets,
        environment,
        record: inputs_boolean('record', true),
        ...registryAuthInputs(image, env)
    };
}

;// CONCATENATED MODULE: ./src/rollback/main.ts
// The rollback action: promote with source `previous` unless `to` names a tag or digest.


function run() {
    return runPromotion(getRollbackSettings);
}

;// CONCATENATED MODULE: ./src/rollback/index.ts

void run();

module.exports = __webpack_exports__;
/******/ })()
;