@NullMarked
package cn.linli.platform.events;

import org.jspecify.annotations.NullMarked;
