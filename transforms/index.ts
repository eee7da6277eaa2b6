import type { Transform } from './lib/types.js';

/** The pipeline's transforms, in the order they run on one parse of each file. */
export const TRANSFORMS: readonly Transform[] = [];
