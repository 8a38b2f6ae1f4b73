import { isAbsolute, resolve } from "node:path";

/** Where the extension finds the language server script, and why there. */
export interface ServerModule {
  readonly path: string;
  /** `bundled` for the server inside the extension, `setting` for `qualify.server.path`. */
  readonly source: "bundled" | "setting";
}

/** What choosing the server needs to know. */
export interface ServerModuleQuery {
  /** The `qualify.server.path` setting; empty or absent means the bundled server. */
  readonly configured?: string | undefined;
  /** The first workspace folder, against which a relative setting is read. */
  readonly workspaceFolder?: string | undefined;
  /** The bundled server script inside the extension. */
  readonly bundled: string;
  /** Whether a file exists (the real file system in the extension, so that a typo is reported). */
  readonly exists: (path: string) => boolean;
}

/**
 * Chooses the server script: the one `qualify.server.path` names (resolved
 * against the workspace folder when relative), else the bundled one. A
 * setting that names no file is an error that says which path was tried,
 * rather than a silent fall back to the bundled server.
 */
export function chooseServerModule(query: ServerModuleQuery): ServerModule {
  const configured = query.configured?.trim() ?? "";
  if (configured === "") {
    if (!query.exists(query.bundled)) {
      throw new Error(`The bundled Qual language server is missing (${query.bundled}); rebuild the extension with \`node scripts/build.mjs\`.`);
    }
    return { path: query.bundled, source: "bundled" };
  }
  const path = isAbsolute(configured) || query.workspaceFolder === undefined ? resolve(configured) : resolve(query.workspaceFolder, configured);
  if (!query.exists(path)) {
    throw new Error(`qualify.server.path is "${configured}", but there is no file at ${path}. Fix the setting, or clear it to use the bundled server.`);
  }
  return { path, source: "setting" };
}
