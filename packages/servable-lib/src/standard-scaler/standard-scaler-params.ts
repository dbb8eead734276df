import { BooleanParam, paramMixin } from '@servable/servable-api';

/** `withMean` = false: whether to center the data with the mean before scaling. */
export const WITH_MEAN = new BooleanParam(
  'withMean',
  'Whether centers the data with mean before scaling.',
  false,
);
/** Accessors of {@link WITH_MEAN}. */
export interface HasWithMean {
  /** Whether the data is centered with the mean. */
  getWithMean(): boolean;
  /** Sets whether the data is centered with the mean. */
  setWithMean(value: boolean): this;
}
/** Mixin of {@link WITH_MEAN}. */
export const HasWithMean = paramMixin<HasWithMean>(WITH_MEAN, 'WithMean');

/** `withStd` = true: whether to scale the data to unit standard deviation. */
export const WITH_STD = new BooleanParam(
  'withStd',
  'Whether scales the data with standard deviation.',
  true,
);
/** Accessors of {@link WITH_STD}. */
export interface HasWithStd {
  /** Whether the data is scaled to unit standard deviation. */
  getWithStd(): boolean;
  /** Sets whether the data is scaled to unit standard deviation. */
  setWithStd(value: boolean): this;
}
/** Mixin of {@link WITH_STD}. */
export const HasWithStd = paramMixin<HasWithStd>(WITH_STD, 'WithStd');
