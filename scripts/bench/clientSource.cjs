// How the VS Code client starts the server, read from its source (client/src/languageClient.ts): the bench starts
// servers the same way, and test/loader/compilerFlags.test.ts checks the flags. Undefined when the client no longer
// says it in this form, so callers can fail rather than use another list. CommonJS, so that the bench's modules and
// the TypeScript tests (CommonJS to the type checker) can both import it.
/* global exports */

/** The Node flags of `const execArgv = [...]`. */
exports.serverFlagsIn = function serverFlagsIn(source) {
  const list = /const execArgv = \[([^\]]*)\]/.exec(source);
  return list ? [...list[1].matchAll(/'([^']*)'/g)].map((flag) => flag[1]) : undefined;
};

/** The environment variables of `const serverEnv = { NAME: 'value' }`. */
exports.serverEnvIn = function serverEnvIn(source) {
  const object = /const serverEnv = \{([^}]*)\}/.exec(source);
  return object ? Object.fromEntries([...object[1].matchAll(/(\w+): '([^']*)'/g)].map((entry) => [entry[1], entry[2]])) : undefined;
};
