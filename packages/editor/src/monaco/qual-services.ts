import { registerQualLanguage } from "../language/register-qual.js";
import { registerQualYamlLanguage } from "../language/register-qual-yaml.js";
import { QualWorkerClient } from "../worker/worker-client.js";
import type { MessageEndpoint } from "../worker/worker-client.js";
import { DiagnosticsAdapter } from "./diagnostics-adapter.js";
import { DocumentSync } from "./document-sync.js";
import type { Disposable } from "./emitter.js";
import { registerLanguageProviders } from "./language-providers.js";
import type { MonacoApi } from "./monaco-api.js";

/** How to start the Qual worker, and how long to wait after a keystroke before validating. */
export interface QualServicesOptions {
  /** Starts the worker that runs the language service (bundler-specific: `new QualWorker()` with vite's `?worker`). */
  readonly createWorker: () => MessageEndpoint;
  /** Debounce of validation after an edit, in milliseconds; 0 validates as soon as the worker is free. */
  readonly diagnosticsDelay: number;
}

/**
 * Everything Qual needs in one Monaco instance: the language registration,
 * one worker, the diagnostics adapter and the providers. Editors share it;
 * it is torn down when the last editor using it is disposed.
 */
export class QualServices {
  readonly client: QualWorkerClient;
  readonly sync: DocumentSync;
  readonly diagnostics: DiagnosticsAdapter;
  private readonly providers: Disposable[];
  private users = 0;

  private constructor(monaco: MonacoApi, options: QualServicesOptions) {
    registerQualLanguage(monaco);
    registerQualYamlLanguage(monaco);
    this.client = new QualWorkerClient(options.createWorker());
    this.sync = new DocumentSync(this.client);
    this.diagnostics = new DiagnosticsAdapter(monaco, this.sync, options.diagnosticsDelay);
    this.providers = registerLanguageProviders(monaco, this.client, this.sync);
  }

  private static current: QualServices | undefined;

  /** The shared services, started on first use. */
  static acquire(monaco: MonacoApi, options: QualServicesOptions): QualServices {
    const services = (QualServices.current ??= new QualServices(monaco, options));
    services.users++;
    return services;
  }

  /** Gives the services back; the last user's release stops the worker. */
  release(): void {
    if (--this.users > 0) return;
    for (const provider of this.providers) provider.dispose();
    this.diagnostics.dispose();
    this.client.dispose();
    if (QualServices.current === this) QualServices.current = undefined;
  }
}
