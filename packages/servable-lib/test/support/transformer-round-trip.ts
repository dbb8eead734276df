/**
 * Kept for tests written against the old name; the round trip of every servable (model or
 * transformer) lives in `round-trip.ts`. Import from there.
 */
export { expectSaveLoadRoundTrip } from './round-trip.js';
