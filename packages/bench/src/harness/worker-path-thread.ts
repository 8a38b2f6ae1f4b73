// The Monaco editor's worker, hosted in a Node worker thread for the
// latency bench: the same language service behind the same message protocol
// (handleRequest), reached through a MessagePort as the page reaches its
// web worker. Only the host differs (no browser).
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { handleRequest } from "@qualify/editor/worker-protocol";
import { QualLanguageService, warmUpInIdleTime } from "@qualify/language-service";

const port = (workerData as { port: MessagePort }).port;
const service = new QualLanguageService();
port.on("message", (message: unknown) => {
  const response = handleRequest(service, message);
  if (response) port.postMessage(response);
});
warmUpInIdleTime();
