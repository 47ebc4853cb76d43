@NullMarked
package cn.linli.platform.db;

import org.jspecify.annotations.NullMarked;
