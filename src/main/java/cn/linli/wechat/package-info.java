@NullMarked
package cn.linli.wechat;

import org.jspecify.annotations.NullMarked;
