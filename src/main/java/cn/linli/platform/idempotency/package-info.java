@NullMarked
package cn.linli.platform.idempotency;

import org.jspecify.annotations.NullMarked;
