import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { QualLanguageService } from "@qualify/language-service";
import { handleRequest, isServiceRequest } from "../src/worker/protocol.js";
import { QualWorkerClient, WorkerRequestError } from "../src/worker/worker-client.js";
import type { MessageEndpoint } from "../src/worker/worker-client.js";
import { CLEAN_MODEL } from "../../language-service/test/models.js";

/** A client wired to a real service over a real message channel, as the worker entry wires it. */
function connect(): { client: QualWorkerClient; close(): void } {
  const channel = new MessageChannel();
  const service = new QualLanguageService();
  channel.port2.on("message", (message: unknown) => {
    const response = handleRequest(service, message);
    if (response) channel.port2.postMessage(response);
  });
  const client = new QualWorkerClient(channel.port1 as unknown as MessageEndpoint);
  return {
    client,
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

let open: { client: QualWorkerClient; close(): void } | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

describe("the worker protocol", () => {
  it("carries requests and structured answers across a message channel", async () => {
    open = connect();
    const report = await open.client.call("update", "m.qual", 1, CLEAN_MODEL);
    expect(report.diagnostics).toEqual([]);
    expect((await open.client.call("leadSchema", "m.qual"))?.modelId).toBe("demo");
    const symbols = await open.client.call("documentSymbols", "m.qual");
    expect(symbols[0]?.name).toBe("demo");
    const outcome = await open.client.call("evaluate", "m.qual", '{ "pains": [] }', undefined);
    expect(outcome.status).toBe("ok");
  });

  it("answers requests in the order they were sent, so an update precedes the completion after it", async () => {
    open = connect();
    void open.client.call("update", "m.qual", 1, CLEAN_MODEL);
    const pending = open.client.call("update", "m.qual", 2, `${CLEAN_MODEL}let fresh_name = 1\n`);
    const list = await open.client.call("completions", "m.qual", CLEAN_MODEL.length);
    expect((await pending).version).toBe(2);
    expect(list.items.map((i) => i.label)).toContain("fresh_name");
  });

  it("turns a service error into a rejected call naming the method", async () => {
    open = connect();
    await expect(open.client.call("hover", "never-opened.qual", 0)).rejects.toThrow(WorkerRequestError);
    await expect(open.client.call("hover", "never-opened.qual", 0)).rejects.toThrow(/hover.*never-opened/);
  });

  it("rejects pending calls when disposed", async () => {
    open = connect();
    const call = open.client.call("update", "m.qual", 1, CLEAN_MODEL);
    open.client.dispose();
    await expect(call).rejects.toThrow(/disposed/);
    await expect(open.client.call("remove", "m.qual")).rejects.toThrow(/disposed/);
  });
});

describe("a worker that fails", () => {
  it("rejects every pending call with the worker's error instead of leaving it pending", async () => {
    const posted: unknown[] = [];
    const endpoint: MessageEndpoint = { onmessage: null, onerror: null, postMessage: (m) => posted.push(m) };
    const client = new QualWorkerClient(endpoint);
    const first = client.call("documentSymbols", "a.qual");
    const second = client.call("hover", "a.qual", 3);
    expect(posted).toHaveLength(2);
    endpoint.onerror?.(Object.assign(new Event("error"), { message: "SyntaxError in qual.worker.js" }) as ErrorEvent);
    await expect(first).rejects.toThrow(/documentSymbols.*SyntaxError in qual.worker.js/);
    await expect(second).rejects.toThrow(/hover.*SyntaxError/);
  });
});

describe("request validation", () => {
  it("serves only the listed methods with array arguments", () => {
    expect(isServiceRequest({ id: 1, method: "update", args: ["u", 1, ""] })).toBe(true);
    expect(isServiceRequest({ id: 1, method: "constructor", args: [] })).toBe(false);
    expect(isServiceRequest({ id: 1, method: "documents", args: [] })).toBe(false);
    expect(isServiceRequest({ id: "1", method: "update", args: [] })).toBe(false);
    expect(isServiceRequest({ id: 1, method: "update", args: "x" })).toBe(false);
    expect(isServiceRequest(null)).toBe(false);
  });

  it("answers a malformed request that has an id with an error, and ignores one without", () => {
    const service = new QualLanguageService();
    expect(handleRequest(service, { id: 7, method: "__proto__", args: [] })).toEqual({ id: 7, ok: false, error: "Malformed request to the Qual worker." });
    expect(handleRequest(service, "junk")).toBeUndefined();
  });
});
