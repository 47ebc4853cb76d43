@NullMarked
package cn.linli.platform.error;

import org.jspecify.annotations.NullMarked;
