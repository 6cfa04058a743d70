#include "cicu_normalize.h"

#include <unicode/unorm2.h>

static const UNormalizer2 *instance(preflight_normal_form form, UErrorCode *error) {
    switch (form) {
    case PREFLIGHT_NFC: return unorm2_getNFCInstance(error);
    case PREFLIGHT_NFD: return unorm2_getNFDInstance(error);
    case PREFLIGHT_NFKC: return unorm2_getNFKCInstance(error);
    case PREFLIGHT_NFKD: return unorm2_getNFKDInstance(error);
    }
    *error = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

int32_t preflight_icu_normalize(preflight_normal_form form,
                                const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity,
                                int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = instance(form, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    int32_t written = unorm2_normalize(normalizer, (const UChar *)source, length,
                                       (UChar *)destination, capacity, &error);
    *status = U_FAILURE(error) ? (int32_t)error : 0;
    return written;
}

int32_t preflight_icu_is_normalized(preflight_normal_form form,
                                    const uint16_t *source, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = instance(form, &error);
    if (U_FAILURE(error)) return -1;
    UBool result = unorm2_isNormalized(normalizer, (const UChar *)source, length, &error);
    if (U_FAILURE(error)) return -1;
    return result ? 1 : 0;
}
