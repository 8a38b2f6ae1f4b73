import type { Report } from "./context.js";
import type { NameUse } from "./resolve.js";

/** The outcome of ordering the definitions. */
export interface DefinitionOrder {
  /** Every node, dependencies first (members of a cycle in declaration order, after what they depend on). */
  readonly order: readonly string[];
  /** Names that sit on a cycle. */
  readonly cyclic: ReadonlySet<string>;
}

/**
 * Orders consts, lets, criteria and scores so that each comes after what it
 * uses, and reports every cycle once with its path (`a` -> `b` -> `a`) at the
 * use that leads into it. Uses Tarjan's algorithm without recursion, so a
 * chain of ten thousand lets cannot exhaust the stack; linear in the graph.
 */
export function checkCycles(
  nodes: readonly string[],
  dependencies: ReadonlyMap<string, readonly NameUse[]>,
  report: Report,
): DefinitionOrder {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const edges = (name: string): readonly NameUse[] => dependencies.get(name) ?? [];

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ name: string; next: number }> = [{ name: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges(frame.name);
      if (frame.next < out.length) {
        const target = out[frame.next++]!.name;
        if (!dependencies.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ name: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.name, Math.min(low.get(frame.name)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        components.push(component);
      }
    }
  }

  const position = new Map(nodes.map((name, i) => [name, i]));
  const order: string[] = [];
  const cyclic = new Set<string>();
  for (const component of components) {
    component.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    order.push(...component);
    const first = component[0]!;
    const selfLoop = edges(first).some((use) => use.name === first);
    if (component.length === 1 && !selfLoop) continue;
    for (const member of component) cyclic.add(member);
    reportCycle(first, new Set(component), edges, report);
  }
  return { order, cyclic };
}

/** Finds the shortest way from `start` back to itself inside its component and reports it. */
function reportCycle(
  start: string,
  members: ReadonlySet<string>,
  edges: (name: string) => readonly NameUse[],
  report: Report,
): void {
  const previous = new Map<string, string>();
  const queue: string[] = [start];
  let closing: string | undefined;
  for (let head = 0; head < queue.length && closing === undefined; head++) {
    const name = queue[head]!;
    for (const use of edges(name)) {
      if (use.name === start) {
        closing = name;
        break;
      }
      if (!members.has(use.name) || previous.has(use.name)) continue;
      previous.set(use.name, name);
      queue.push(use.name);
    }
  }
  const path: string[] = [start];
  for (let at = closing; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
  path.push(start);
  const second = path[1]!;
  const use = edges(start).find((u) => u.name === second);
  if (use === undefined) return;
  report("cycle", use.range, [path.map((name) => `\`${name}\``).join(" -> ")]);
}
