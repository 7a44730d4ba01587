/** A unit of the organisation as the tree needs it: its id and its parent's (null: the root). */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

/**
 * The organisation's tree (province → city → county → school, any depth), pure: who is below
 * whom, the path to the root, and whether a move keeps it a tree.
 */
export class UnitTree {
  private readonly children = new Map<string, string[]>();
  private readonly parents = new Map<string, string | null>();

  constructor(nodes: readonly UnitNode[]) {
    for (const node of nodes) {
      this.parents.set(node.id, node.parentId);
      if (node.parentId !== null) {
        const siblings = this.children.get(node.parentId) ?? [];
        siblings.push(node.id);
        this.children.set(node.parentId, siblings);
      }
    }
  }

  has(id: string): boolean {
    return this.parents.has(id);
  }

  childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }

  /** The unit and every unit below it. */
  subtree(id: string): Set<string> {
    const found = new Set<string>();
    const pending = this.has(id) ? [id] : [];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (found.has(next)) continue;
      found.add(next);
      pending.push(...this.childrenOf(next));
    }
    return found;
  }

  /** The units above, nearest first, up to the root. */
  ancestors(id: string): string[] {
    const path: string[] = [];
    let parent = this.parents.get(id) ?? null;
    while (parent !== null && !path.includes(parent)) {
      path.push(parent);
      parent = this.parents.get(parent) ?? null;
    }
    return path;
  }

  /** Whether `inner` is `outer` or below it. */
  within(inner: string, outer: string): boolean {
    return inner === outer || this.ancestors(inner).includes(outer);
  }

  /** The child of `unit` on the way down to `below` (`below` itself if it is a child); null when not below. */
  childToward(unit: string, below: string): string | null {
    if (below === unit) return null;
    const path = [below, ...this.ancestors(below)];
    const index = path.indexOf(unit);
    return index > 0 ? path[index - 1] : null;
  }

  /** Why `id` cannot move under `parentId`, or null when it can. */
  moveRefusal(id: string, parentId: string): string | null {
    if (!this.has(id)) return `No unit ${id}.`;
    if (!this.has(parentId)) return `No unit ${parentId} to move under.`;
    if (this.parents.get(id) === null) return 'The top unit stays at the top.';
    if (this.within(parentId, id))
      return 'A unit cannot move under itself or under one of its own units.';
    return null;
  }
}
