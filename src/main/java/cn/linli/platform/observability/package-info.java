/** Metrics, request ids and access logs: what operations needs to see a running instance. */
@NullMarked
package cn.linli.platform.observability;

import org.jspecify.annotations.NullMarked;
