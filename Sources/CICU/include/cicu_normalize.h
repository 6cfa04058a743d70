#ifndef CICU_NORMALIZE_H
#define CICU_NORMALIZE_H

#include <stdint.h>

// Plain-C view of ICU's Unicode normalisation. No ICU type crosses this header, so a Swift
// module may import Foundation (which carries its own ICU headers) and this shim together.

/// The four normalisation forms of UAX #15.
typedef enum {
    PREFLIGHT_NFC = 0,
    PREFLIGHT_NFD = 1,
    PREFLIGHT_NFKC = 2,
    PREFLIGHT_NFKD = 3,
} preflight_normal_form;

/// Normalises `length` UTF-16 code units from `source` into `destination` (capacity `capacity`).
/// Returns the length of the full result. When the result is longer than `capacity`,
/// `*status` is set to a positive value (ICU's U_BUFFER_OVERFLOW_ERROR) and the caller retries
/// with a buffer of the returned length. `*status` is zero on success and positive on error.
int32_t preflight_icu_normalize(preflight_normal_form form,
                                const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity,
                                int32_t *status);

/// Returns 1 when the text is already in `form`, 0 when it is not, -1 on error.
int32_t preflight_icu_is_normalized(preflight_normal_form form,
                                    const uint16_t *source, int32_t length);

#endif
