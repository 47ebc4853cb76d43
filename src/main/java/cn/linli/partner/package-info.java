@NullMarked
package cn.linli.partner;

import org.jspecify.annotations.NullMarked;
