/**
 * A token bucket per remote address: every request takes a token, a request
 * that finds nothing (a wrong link, a path that does not exist) takes
 * {@link MISS_COST}, and tokens come back at a steady rate. A phone that opens
 * its page, the faces and the PDF uses a dozen tokens; a client guessing links
 * runs dry after a handful of misses and then gets one guess every few seconds,
 * which against 192 random bits is no guess at all.
 */
export interface RateLimitOptions {
  /** Tokens a bucket holds (and starts with). */
  capacity: number;
  /** Tokens given back per second. */
  refillPerSecond: number;
  /** Buckets kept at most; past it the fullest (least interesting) are dropped. */
  maxClients: number;
}

export const HANDOUT_RATE_LIMIT: RateLimitOptions = { capacity: 40, refillPerSecond: 2, maxClients: 4096 };

/** What a request that found nothing costs, on top of the token it took. */
export const MISS_COST = 9;

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** Takes one token for a request from `client`; false when its bucket is empty (answer 429). */
  take(client: string): boolean;
  /** Takes `tokens` more from `client` (a miss), down to a debt of one capacity at most. */
  charge(client: string, tokens: number): void;
  /** Seconds until `client` has a token again (for Retry-After). */
  retryAfter(client: string): number;
  clear(): void;
}

export function createRateLimiter(options: RateLimitOptions = HANDOUT_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const current = (client: string): Bucket => {
    const t = now();
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= options.maxClients) prune(t);
      bucket = { tokens: options.capacity, at: t };
      buckets.set(client, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(options.capacity, bucket.tokens + ((t - bucket.at) / 1000) * options.refillPerSecond);
    bucket.at = t;
    return bucket;
  };
  // Buckets that have filled up again say nothing: drop those; if none, the oldest.
  function prune(t: number): void {
    for (const [client, bucket] of buckets) {
      if (bucket.tokens + ((t - bucket.at) / 1000) * options.refillPerSecond >= options.capacity) buckets.delete(client);
    }
    if (buckets.size >= options.maxClients) {
      const oldest = buckets.keys().next();
      if (!oldest.done) buckets.delete(oldest.value);
    }
  }
  return {
    take(client) {
      const bucket = current(client);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    charge(client, tokens) {
      const bucket = current(client);
      bucket.tokens = Math.max(-options.capacity, bucket.tokens - tokens);
    },
    retryAfter(client) {
      const bucket = current(client);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond));
    },
    clear: () => buckets.clear(),
  };
}
