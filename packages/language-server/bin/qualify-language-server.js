#!/usr/bin/env node
// The Qual language server on stdio: `qualify-language-server` (or `qualify lsp`).
import { startServer } from "../dist/server.js";

startServer();
