@NullMarked
package cn.linli.notification;

import org.jspecify.annotations.NullMarked;
