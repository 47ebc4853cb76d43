@NullMarked
package cn.linli.order;

import org.jspecify.annotations.NullMarked;
