@NullMarked
package cn.linli.platform;

import org.jspecify.annotations.NullMarked;
