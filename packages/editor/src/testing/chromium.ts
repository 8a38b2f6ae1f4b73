import type { Browser } from "playwright-core";

/** Where Debian's chromium package installs the browser (CI installs it with apt-get). */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for headless Chromium running as root in a container. The network
 * flags stop Chromium from calling hosts this network refuses (which would
 * show up as console errors and slow start-up).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * Launches the system Chromium through playwright-core (which never
 * downloads a browser). Playwright gives every launch a fresh, temporary
 * user-data directory. `QUALIFY_CHROMIUM` overrides the executable.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env["QUALIFY_CHROMIUM"] ?? DEFAULT_CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
