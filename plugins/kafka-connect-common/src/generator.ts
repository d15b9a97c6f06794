/**
 * Who rendered a skeleton, written into each cluster's catalog entity so a platform engineer
 * can find the clusters an older generator made. Kept equal to this package's version by
 * generator.test.ts (the package cannot read its package.json at run time: it is isomorphic).
 */
export const GENERATOR_NAME = 'kafka-connect-skeleton';
export const GENERATOR_VERSION = '0.1.0';
