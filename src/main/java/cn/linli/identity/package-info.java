@NullMarked
package cn.linli.identity;

import org.jspecify.annotations.NullMarked;
