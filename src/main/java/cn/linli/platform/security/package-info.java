@NullMarked
package cn.linli.platform.security;

import org.jspecify.annotations.NullMarked;
