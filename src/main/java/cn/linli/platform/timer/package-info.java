@NullMarked
package cn.linli.platform.timer;

import org.jspecify.annotations.NullMarked;
