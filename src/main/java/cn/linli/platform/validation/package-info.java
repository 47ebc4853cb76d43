/** Bean Validation pieces shared by every feature's input records; violations become {@code VALIDATION_FAILED}. */
@NullMarked
package cn.linli.platform.validation;

import org.jspecify.annotations.NullMarked;
