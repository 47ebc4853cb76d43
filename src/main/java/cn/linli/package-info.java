@NullMarked
package cn.linli;

import org.jspecify.annotations.NullMarked;
