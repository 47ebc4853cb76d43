@NullMarked
package cn.linli.platform.graphql;

import org.jspecify.annotations.NullMarked;
