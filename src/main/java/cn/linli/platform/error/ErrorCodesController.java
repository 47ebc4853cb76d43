package cn.linli.platform.error;

import java.util.Arrays;
import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Publishes the error codes and their Chinese messages, so clients need no copy of their own. */
@Controller
class ErrorCodesController {

    record ErrorCodeInfo(ErrorCode code, String message) {
    }

    @QueryMapping
    List<ErrorCodeInfo> errorCodes() {
        return Arrays.stream(ErrorCode.values()).map(code -> new ErrorCodeInfo(code, code.defaultMessage())).toList();
    }
}
