// Node-only helpers: build and serve the demo, drive it in Debian Chromium,
// and measure keystroke-to-markers latency. Not part of the browser entry.
export { buildDemo, serveDemo, DEMO_CONTENT_SECURITY_POLICY, DEMO_DIST_DIR, EDITOR_PACKAGE_DIR } from "./demo-server.js";
export type { DemoServer } from "./demo-server.js";
export { launchChromium, CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from "./chromium.js";
export { openDemo, readMarkers, setSourceAndValidate, waitForMarkers } from "./demo-page.js";
export type { DemoHandle, DemoPage, DemoWindow, MarkerSnapshot } from "./demo-page.js";
export { generateLargeModel } from "@qualify/language-service/testing";
export { measureEditorLatency, quantile } from "./latency.js";
export type { LatencyOptions, LatencyReport } from "./latency.js";
