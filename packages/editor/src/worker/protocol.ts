import type { QualLanguageService } from "@qualify/language-service";

/** The service methods the worker serves; nothing else can be called through a message. */
export const SERVICE_METHODS = [
  "update",
  "remove",
  "completions",
  "hover",
  "signatureHelp",
  "definition",
  "references",
  "renameTarget",
  "rename",
  "documentSymbols",
  "codeActions",
  "format",
  "evaluate",
  "leadSchema",
  "toData",
] as const;

/** The name of a method the worker serves. */
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** The callable surface of the service, as the UI sees it through the worker. */
export type ServiceApi = Pick<QualLanguageService, ServiceMethod>;

/** A call from the UI thread. */
export interface ServiceRequest<M extends ServiceMethod = ServiceMethod> {
  readonly id: number;
  readonly method: M;
  readonly args: Parameters<ServiceApi[M]>;
}

/** The answer to one request: its result, or the message of the error it raised. */
export type ServiceResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

const METHOD_SET: ReadonlySet<string> = new Set(SERVICE_METHODS);

/** Whether a message is a well-formed request for a served method. */
export function isServiceRequest(message: unknown): message is ServiceRequest {
  if (typeof message !== "object" || message === null) return false;
  const { id, method, args } = message as Record<string, unknown>;
  return typeof id === "number" && typeof method === "string" && METHOD_SET.has(method) && Array.isArray(args);
}

/**
 * Runs one request against the service. Errors become error responses, so
 * one bad request never takes the worker down.
 */
export function handleRequest(service: ServiceApi, message: unknown): ServiceResponse | undefined {
  if (!isServiceRequest(message)) {
    const id = typeof message === "object" && message !== null ? (message as { id?: unknown }).id : undefined;
    return typeof id === "number" ? { id, ok: false, error: "Malformed request to the Qual worker." } : undefined;
  }
  try {
    const method = service[message.method] as (...args: unknown[]) => unknown;
    const result = method.apply(service, message.args as unknown[]);
    return { id: message.id, ok: true, result };
  } catch (error) {
    return { id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
