/**
 * Sets an own, enumerable property. Plain assignment would treat a key named
 * `__proto__` (a CSV header, a map entry, a field name) as the prototype
 * setter and silently drop the value; defining the property keeps it data.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
