#!/usr/bin/env node
// Writes syntaxes/qual.tmLanguage.json from the Qual lexer's tokens (the
// built @qualify/language and this package's dist, so run `tsc -b` from the
// repository root first). A test compares the committed file with what the
// current lexer gives: run this after changing the lexer's words or patterns.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { grammarSource } from "./grammar-source.mjs";

const built = (path) => import(new URL(path, import.meta.url).href);
const tokens = await built("../../language/dist/lexer/tokens.js");
const { FUNCTIONS } = await built("../../language/dist/checker/functions.js");
const { buildGrammar, grammarFileText } = await built("../dist/grammar/build-grammar.js");
const output = fileURLToPath(new URL("../syntaxes/qual.tmLanguage.json", import.meta.url));
writeFileSync(output, grammarFileText(buildGrammar(grammarSource(tokens, FUNCTIONS))));
process.stderr.write(`grammar: wrote ${output}\nnext: run the grammar test (vitest run packages/vscode/test) and commit the file\n`);
