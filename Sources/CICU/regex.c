#include "cicu_regex.h"

#include <stdlib.h>
#include <unicode/uregex.h>
#include <unicode/utypes.h>

struct preflight_regex {
    URegularExpression *expression;
};

preflight_regex *preflight_regex_compile(const uint16_t *pattern, int32_t length, int32_t step_limit,
                                         int32_t *status, int32_t *error_offset) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    parse.offset = -1;
    URegularExpression *expression = uregex_open((const UChar *)pattern, length, 0, &parse, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        *error_offset = parse.offset;
        if (expression) uregex_close(expression);
        return NULL;
    }
    if (step_limit > 0) {
        uregex_setTimeLimit(expression, step_limit, &error);
        if (U_FAILURE(error)) {
            *status = (int32_t)error;
            *error_offset = -1;
            uregex_close(expression);
            return NULL;
        }
    }
    preflight_regex *regex = malloc(sizeof(preflight_regex));
    if (!regex) {
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        *error_offset = -1;
        uregex_close(expression);
        return NULL;
    }
    regex->expression = expression;
    *status = 0;
    *error_offset = -1;
    return regex;
}

int32_t preflight_regex_find(preflight_regex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    uregex_setText(regex->expression, text ? (const UChar *)text : empty, length, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return -1; }
    UBool found = uregex_find(regex->expression, 0, &error);
    // Drop the reference to the caller's buffer, which is only valid during this call.
    UErrorCode reset = U_ZERO_ERROR;
    uregex_setText(regex->expression, empty, 0, &reset);
    if (U_FAILURE(error)) { *status = (int32_t)error; return -1; }
    *status = 0;
    return found ? 1 : 0;
}

void preflight_regex_free(preflight_regex *regex) {
    if (!regex) return;
    uregex_close(regex->expression);
    free(regex);
}

int32_t preflight_regex_timeout_status(void) { return (int32_t)U_REGEX_TIME_OUT; }

const char *preflight_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
