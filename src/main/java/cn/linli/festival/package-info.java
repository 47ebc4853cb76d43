@NullMarked
package cn.linli.festival;

import org.jspecify.annotations.NullMarked;
