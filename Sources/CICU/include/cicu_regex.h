#ifndef CICU_REGEX_H
#define CICU_REGEX_H

#include <stdint.h>

// Plain-C view of ICU's regular expressions (uregex). No ICU type crosses this header.

/// An opaque compiled pattern plus its matcher state. Not thread-safe: one matcher per thread,
/// or serialise access (the Swift side guards each with a mutex).
typedef struct preflight_regex preflight_regex;

/// Compiles a UTF-16 pattern. Returns NULL on failure with `*status` set to ICU's error code
/// (positive) and `*error_offset` to the UTF-16 offset of the problem (or -1).
/// `step_limit` bounds each match (uregex_setTimeLimit units, roughly milliseconds' worth of steps;
/// 0 means no limit).
preflight_regex *preflight_regex_compile(const uint16_t *pattern, int32_t length, int32_t step_limit,
                                         int32_t *status, int32_t *error_offset);

/// Searches `text` (UTF-16) for a match anywhere. Returns 1 when found, 0 when not, and -1 on error
/// with `*status` set (66321 is U_REGEX_TIME_OUT: the step limit was hit).
int32_t preflight_regex_find(preflight_regex *regex, const uint16_t *text, int32_t length, int32_t *status);

/// Frees the pattern.
void preflight_regex_free(preflight_regex *regex);

/// ICU's status code for "the match hit the time limit".
int32_t preflight_regex_timeout_status(void);

/// The name of an ICU error code, for messages (static storage).
const char *preflight_icu_error_name(int32_t status);

#endif
