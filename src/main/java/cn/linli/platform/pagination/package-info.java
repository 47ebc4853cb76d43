@NullMarked
package cn.linli.platform.pagination;

import org.jspecify.annotations.NullMarked;
