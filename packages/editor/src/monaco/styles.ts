const STYLE_ID = "qualify-editor-styles";

const CSS = `
.qual-editor-root { display: flex; gap: 8px; width: 100%; height: 100%; min-height: 320px; font-family: system-ui, sans-serif; }
.qual-editor-main { flex: 3 1 0; min-width: 0; border: 1px solid #ccc; }
.qual-lead-panel { flex: 2 1 0; min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.qual-lead-editor { flex: 1 1 40%; min-height: 160px; border: 1px solid #ccc; }
.qual-result { flex: 1 1 60%; overflow: auto; font-size: 13px; padding: 4px 8px; border: 1px solid #ddd; }
.qual-result-tier { font-size: 18px; margin: 4px 0 8px; }
.qual-result h3 { font-size: 13px; margin: 8px 0 2px; text-transform: uppercase; color: #555; }
.qual-result ul { margin: 0; padding-left: 18px; }
.qual-yes { color: #116329; } .qual-no { color: #8a1c1c; } .qual-unknown { color: #7a5b00; }
.qual-result-problem { color: #8a1c1c; }
`;

/** Adds the editor's stylesheet to the document once. */
export function ensureStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.append(style);
}
