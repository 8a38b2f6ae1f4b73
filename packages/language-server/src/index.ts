// The Qual language server: LSP over stdio (or any pair of streams).
export { startServer, SERVER_INFO } from "./server.js";
export type { ServerOptions } from "./server.js";
export { SERVER_CAPABILITIES, EXPLAIN_LEAD_COMMAND } from "./capabilities.js";
