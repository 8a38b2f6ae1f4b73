import type { Engine } from "./engines.js";
import { openPostgres, postgresUrl } from "./engines.js";

/**
 * The PostgreSQL engine for a test file, or the reason it is skipped. A
 * missing server fails the tests, loudly, unless QUALIFY_SKIP_PG=1 says to
 * skip them; the skip is printed, never silent.
 */
export async function postgresForTests(): Promise<{ engine?: Engine; skip?: string }> {
  const found = postgresUrl();
  if ("url" in found) return { engine: await openPostgres(found.url) };
  if (process.env["QUALIFY_SKIP_PG"] === "1") {
    const skip = `PostgreSQL tests skipped (QUALIFY_SKIP_PG=1): ${found.reason}`;
    console.warn(skip);
    return { skip };
  }
  throw new Error(`No PostgreSQL server for the SQL tests: ${found.reason}. Set QUALIFY_SKIP_PG=1 to skip them on purpose.`);
}
