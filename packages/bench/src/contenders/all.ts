import type { Contender } from "./contender.js";
import { celContender } from "./cel.js";
import { filtrexContender } from "./filtrex.js";
import { handwrittenContender } from "./handwritten.js";
import { jsonLogicContender } from "./json-logic.js";
import { jsonRulesEngineContender } from "./json-rules-engine.js";
import { qualifyAotContender } from "./qualify-aot.js";
import { qualifyFastContender, qualifyFullContender, qualifyValidatedContender } from "./qualify.js";
import { zenContender } from "./zen.js";

/** Every contender, the hand-written baseline first (ratios are relative to it). */
export const ALL_CONTENDERS: readonly Contender[] = [
  handwrittenContender,
  qualifyFastContender,
  qualifyAotContender,
  qualifyFullContender,
  qualifyValidatedContender,
  jsonLogicContender,
  jsonRulesEngineContender,
  celContender,
  filtrexContender,
  zenContender,
];
