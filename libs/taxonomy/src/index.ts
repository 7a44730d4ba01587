export type { TaxonomyDocument, TopicLabel, TopicLocale, TopicNode } from './taxonomy';
export { Taxonomy, taxonomyProblems } from './taxonomy';
export { defaultTaxonomy } from './default-taxonomy';
