/**
 * Rate limits per account and per client address, counted in Redis (Bucket4j token buckets) so every instance
 * spends the same budget: HTTP-level limits in {@link cn.linli.platform.ratelimit.RateLimitWebFilter}, limits that
 * depend on the operation (logins, mutations, new subscriptions) in
 * {@link cn.linli.platform.ratelimit.OperationRateLimits}.
 */
@NullMarked
package cn.linli.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
