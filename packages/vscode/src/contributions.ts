/**
 * The names the extension and its `package.json` share: commands and
 * settings. Kept apart from `extension.ts` (which needs the VS Code host) so
 * that a test can check the manifest declares exactly these.
 */

/** Evaluates the lead of a fixture case and shows the explanation; the language server runs it. */
export const EXPLAIN_LEAD_COMMAND = "qualify.explainLead";
/** Stops the language server and starts it again with the current settings. */
export const RESTART_SERVER_COMMAND = "qualify.restartServer";
/** Every command the extension contributes. */
export const COMMANDS: readonly string[] = [EXPLAIN_LEAD_COMMAND, RESTART_SERVER_COMMAND];

/** The settings section of the extension. */
export const SETTINGS_SECTION = "qualify";
/** A server script to run instead of the bundled one (`qualify.server.path`). */
export const SERVER_PATH_SETTING = "server.path";
/** Every setting the extension reads, by full name. */
export const SETTINGS: readonly string[] = [`${SETTINGS_SECTION}.${SERVER_PATH_SETTING}`, `${SETTINGS_SECTION}.trace.server`];

/** The client id: VS Code's language client reads `qualify.trace.server` because of it. */
export const CLIENT_ID = SETTINGS_SECTION;

/** Where the build puts the bundled server, relative to the extension's root. */
export const BUNDLED_SERVER = "out/server.cjs";
