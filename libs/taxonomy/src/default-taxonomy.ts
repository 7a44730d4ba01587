import document from '../../../config/taxonomy/topics.json';
import { Taxonomy, TaxonomyDocument } from './taxonomy';

let cached: Taxonomy | undefined;

/** The taxonomy shipped in `config/taxonomy/topics.json`, validated once. */
export function defaultTaxonomy(): Taxonomy {
  cached ??= new Taxonomy(document as TaxonomyDocument);
  return cached;
}
