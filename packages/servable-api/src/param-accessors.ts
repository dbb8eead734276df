import { type Param, type ParamMixin, ParamsHolder } from './params/index.js';

/** What {@link ModelServable.withParams} and {@link TransformerServableBase.withParams} accept. */
export type ParamDeclaration = ParamMixin<object> | Param<unknown>;

/** The params declared by mixins/params, in order. */
export function declaredParams(declarations: readonly ParamDeclaration[]): Param<unknown>[] {
  return declarations.map((d) => ('accessorName' in d ? d.param : d));
}

/**
 * Installs on `prototype` the typed `get<Name>()`/`set<Name>()` accessors of the mixins, the
 * same ones `ParamsHolder.with` installs.
 */
export function installParamAccessors(
  prototype: object,
  declarations: readonly ParamDeclaration[],
): void {
  const source = ParamsHolder.with(...declarations).prototype as object;
  for (const key of Object.getOwnPropertyNames(source)) {
    if (key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(source, key);
    if (descriptor) Object.defineProperty(prototype, key, descriptor);
  }
}
