@NullMarked
package cn.linli.platform.config;

import org.jspecify.annotations.NullMarked;
