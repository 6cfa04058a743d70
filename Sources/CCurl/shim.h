#ifndef PREFLIGHT_CCURL_SHIM_H
#define PREFLIGHT_CCURL_SHIM_H

#include <curl/curl.h>

// Swift cannot call C variadic functions, and curl_easy_setopt / curl_easy_getinfo are variadic.
// One typed wrapper per argument kind; nothing else lives here.

static inline CURLcode preflight_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode preflight_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode preflight_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode preflight_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode preflight_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*preflight_curl_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode preflight_curl_setopt_data_callback(CURL *handle, CURLoption option, preflight_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
typedef int (*preflight_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode preflight_curl_setopt_progress_callback(CURL *handle, CURLoption option, preflight_curl_progress_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode preflight_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode preflight_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode preflight_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
