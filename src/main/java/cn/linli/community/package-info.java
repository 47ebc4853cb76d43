@NullMarked
package cn.linli.community;

import org.jspecify.annotations.NullMarked;
