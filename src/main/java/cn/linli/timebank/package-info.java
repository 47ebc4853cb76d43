@NullMarked
package cn.linli.timebank;

import org.jspecify.annotations.NullMarked;
