// The web worker entry: the Qual language service behind a message port.
// Kept thin on purpose: every behaviour lives in the service, tested in node.
import { QualLanguageService } from "@qualify/language-service";
import { warmUpInIdleTime } from "@qualify/language-service";
import { handleRequest } from "./protocol.js";

/** The part of a dedicated worker's global scope this entry uses (the DOM lib types the page, not workers). */
interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const service = new QualLanguageService();

scope.onmessage = (event: MessageEvent) => {
  const response = handleRequest(service, event.data);
  if (response) scope.postMessage(response);
};

warmUpInIdleTime();
