export type TopicLocale = 'zh-CN' | 'en';

export interface TopicLabel {
  'zh-CN': string;
  en: string;
}

export interface TopicNode {
  /** Stable key; a sub-topic's key is `<top-level key>.<name>`. */
  key: string;
  label: TopicLabel;
  /** Child Helpline International data-framework category this top-level topic counts under. */
  chi?: string;
  /** Key the caller presses for this topic in the phone menu (top level only). */
  menu?: number;
  children?: TopicNode[];
}

export interface TaxonomyDocument {
  version: number;
  topics: TopicNode[];
}

const KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;

/** The topic tree shared by the phone menu, contact records and statistics. */
export class Taxonomy {
  private readonly byKey = new Map<string, TopicNode>();

  constructor(readonly document: TaxonomyDocument) {
    const problems = taxonomyProblems(document);
    if (problems.length > 0) throw new Error(`Invalid topic taxonomy: ${problems.join('; ')}`);
    for (const top of document.topics) {
      this.byKey.set(top.key, top);
      for (const child of top.children ?? []) this.byKey.set(child.key, child);
    }
  }

  get topics(): readonly TopicNode[] {
    return this.document.topics;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): TopicNode | undefined {
    return this.byKey.get(key);
  }

  /** The top-level topic a key counts under (itself for a top-level key). */
  topLevelOf(key: string): string {
    return key.split('.')[0];
  }

  isTopLevel(key: string): boolean {
    return this.has(key) && !key.includes('.');
  }

  /** Top-level topics offered in the phone menu, in key order. */
  menuTopics(): TopicNode[] {
    return this.document.topics
      .filter((topic) => topic.menu !== undefined)
      .sort((a, b) => a.menu! - b.menu!);
  }

  /** Keys that are not in the taxonomy, for validation messages. */
  unknownKeys(keys: readonly string[]): string[] {
    return keys.filter((key) => !this.has(key));
  }
}

export function taxonomyProblems(document: TaxonomyDocument): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const menuKeys = new Set<number>();
  const check = (node: TopicNode, parent?: TopicNode) => {
    if (!KEY.test(node.key)) problems.push(`"${node.key}" is not a valid topic key`);
    if (seen.has(node.key)) problems.push(`"${node.key}" appears twice`);
    seen.add(node.key);
    if (!node.label?.['zh-CN'] || !node.label?.en)
      problems.push(`"${node.key}" needs a zh-CN and an en label`);
    if (parent && !node.key.startsWith(`${parent.key}.`)) {
      problems.push(`"${node.key}" must start with its parent's key "${parent.key}."`);
    }
    if (parent && node.children?.length)
      problems.push(`"${node.key}": topics nest two levels at most`);
    if (node.menu !== undefined) {
      if (parent) problems.push(`"${node.key}": only top-level topics can have a menu key`);
      if (!Number.isInteger(node.menu) || node.menu < 1 || node.menu > 9) {
        problems.push(`"${node.key}": menu key must be a digit 1-9`);
      } else if (menuKeys.has(node.menu)) {
        problems.push(`menu key ${node.menu} is used twice`);
      }
      menuKeys.add(node.menu);
    }
  };
  if (!Array.isArray(document?.topics) || document.topics.length === 0) {
    return ['the taxonomy needs a non-empty "topics" list'];
  }
  for (const top of document.topics) {
    check(top);
    for (const child of top.children ?? []) check(child, top);
  }
  return problems;
}
