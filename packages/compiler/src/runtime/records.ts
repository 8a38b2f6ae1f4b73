/**
 * Sets an own, enumerable property. Plain assignment of `__proto__` would
 * change the object's prototype instead, and `__proto__` is a legal Qual name.
 */
export function putOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
