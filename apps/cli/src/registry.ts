import { ServableRegistry } from '@servable/servable-api';
import { servableLib } from '@servable/servable-lib';

/** The registry every command loads models with: Flink ML's algorithms (`servableLib`). */
export function createRegistry(): ServableRegistry {
  return new ServableRegistry().register(servableLib);
}
