/**
 * Returns `text` as V8's internalized (unique) copy: the string a property
 * key is stored as. Names that come from the parser are slices of the model
 * text, so `name === key` against a key from the lead compares characters
 * instead of pointers, and `object[name]` looks the name up in the string
 * table on every access. Interning them once at compile time makes both the
 * cheap pointer-equal case. The result is equal to `text` in every way a
 * program can observe.
 */
export function intern(text: string): string {
  // A prototype-less holder: even "__proto__" becomes an ordinary own key here.
  const holder: Record<string, true> = Object.create(null) as Record<string, true>;
  holder[text] = true;
  for (const key in holder) return key;
  return text;
}
