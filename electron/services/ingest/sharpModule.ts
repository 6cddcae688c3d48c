import type * as sharpNamespace from 'sharp';

/** The module namespace of `sharp` (`typeof import('sharp')`), as `await import('sharp')` returns it. */
export type SharpModule = typeof sharpNamespace;
/** The `sharp(...)` constructor function itself. */
export type SharpFactory = SharpModule['default'];
export type SharpPipeline = ReturnType<SharpFactory>;
export type SharpMetadata = Awaited<ReturnType<SharpPipeline['metadata']>>;

/**
 * The sharp to use: the caller's (e.g. the WebAssembly build in a parity
 * test), or the normal import, loaded on first use so a caller that passes its
 * own never loads the default binding.
 */
export async function resolveSharp(module?: SharpModule): Promise<SharpFactory> {
  const chosen: unknown = module ?? (await import('sharp'));
  // Accept the constructor as well as the namespace: `import sharp from 'sharp'` gives the former.
  if (typeof chosen === 'function') return chosen as SharpFactory;
  return (chosen as SharpModule).default;
}
