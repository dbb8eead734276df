export { HasN, N, NGramServable, ngrams } from './ngram-servable.js';
