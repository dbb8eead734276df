export { TokenizerServable, tokenize } from './tokenizer-servable.js';
