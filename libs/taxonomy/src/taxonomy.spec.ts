import { Taxonomy, TaxonomyDocument } from './taxonomy';
import { defaultTaxonomy } from './default-taxonomy';

describe('the shipped taxonomy', () => {
  const taxonomy = defaultTaxonomy();

  it('has the top-level topics the hotline reports on, each mapped to a CHI category', () => {
    const keys = taxonomy.topics.map((topic) => topic.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'emotional',
        'learning',
        'parent_child',
        'behaviour',
        'peer_relations',
        'clinical',
        'self_harm_suicide',
        'violence_bullying',
        'other',
      ]),
    );
    for (const topic of taxonomy.topics) {
      expect(topic.chi).toBeTruthy();
      expect(topic.children?.length).toBeGreaterThan(0);
    }
  });

  it('lists the clinical sub-topics the reference centre counts', () => {
    const clinical = taxonomy.get('clinical')!.children!.map((child) => child.key);
    expect(clinical).toEqual(
      expect.arrayContaining([
        'clinical.tic_disorder',
        'clinical.adhd',
        'clinical.depression',
        'clinical.ocd',
        'clinical.anxiety_disorder',
        'clinical.eating',
      ]),
    );
  });

  it('offers emotional, learning, parent-child and other in the phone menu, in that order', () => {
    expect(taxonomy.menuTopics().map((topic) => [topic.menu, topic.key])).toEqual([
      [1, 'emotional'],
      [2, 'learning'],
      [3, 'parent_child'],
      [4, 'other'],
    ]);
  });

  it('finds the top level of a sub-topic and reports unknown keys', () => {
    expect(taxonomy.topLevelOf('clinical.adhd')).toBe('clinical');
    expect(taxonomy.isTopLevel('clinical')).toBe(true);
    expect(taxonomy.isTopLevel('clinical.adhd')).toBe(false);
    expect(taxonomy.unknownKeys(['emotional', 'astrology', 'clinical.adhd'])).toEqual([
      'astrology',
    ]);
  });
});

describe('taxonomy validation', () => {
  it('refuses duplicate keys, bad nesting and missing labels with a message naming each', () => {
    const document: TaxonomyDocument = {
      version: 1,
      topics: [
        {
          key: 'a',
          label: { 'zh-CN': '甲', en: 'A' },
          menu: 1,
          children: [{ key: 'b.x', label: { 'zh-CN': '乙', en: '' } }],
        },
        { key: 'a', label: { 'zh-CN': '甲', en: 'A' }, menu: 1 },
      ],
    };
    expect(() => new Taxonomy(document)).toThrow(
      'Invalid topic taxonomy: "b.x" needs a zh-CN and an en label; "b.x" must start with its parent\'s key "a."; "a" appears twice; menu key 1 is used twice',
    );
  });
});
