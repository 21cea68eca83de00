/**
 * @file common.h
 * @brief Export macro, status codes, error reporting and run-time version.
 *
 * Every fallible libegdi function returns an ::egdi_status. On failure the
 * library also records a human-readable message for the calling thread that
 * names the place (file, line, column, unit, indicator); read it with
 * egdi_last_error(). The library never prints, aborts or exits.
 */
#ifndef EGDI_COMMON_H
#define EGDI_COMMON_H

#include <stddef.h>

#include "egdi/version.h"

#if defined(SWIG)
#  define EGDI_API
#elif defined(EGDI_BUILDING_LIBRARY) && defined(__GNUC__)
#  define EGDI_API __attribute__((visibility("default")))
#else
#  define EGDI_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Result of every fallible call. The numeric values are part of the
 * stable ABI: new codes may be added, existing ones never change meaning.
 */
typedef enum egdi_status {
    EGDI_OK = 0,                /**< success */
    EGDI_ERR_NOMEM = 1,         /**< memory allocation failed */
    EGDI_ERR_INVALID_ARG = 2,   /**< NULL pointer, wrong length, bad option value */
    EGDI_ERR_IO = 3,            /**< a file could not be opened, read or written */
    EGDI_ERR_PARSE = 4,         /**< malformed input text (CSV syntax, not a number, bad header) */
    EGDI_ERR_NOT_FOUND = 5,     /**< unknown column, unit, node or edition */
    EGDI_ERR_DUPLICATE = 6,     /**< a name or code that must be unique is repeated */
    EGDI_ERR_INVALID_INDEX = 7, /**< index definition is inconsistent (parent, cycle, weights, ...) */
    EGDI_ERR_DOMAIN = 8,        /**< data cannot be processed (zero variance, too few values, ...) */
    EGDI_ERR_RANGE = 9          /**< an index or position is out of range */
} egdi_status;

/** @brief Static English description of a status code (never NULL). */
EGDI_API const char *egdi_strerror(egdi_status status);

/**
 * @brief The message of the last failed call on this thread, or "" if none.
 * The pointer stays valid until the next libegdi call on the same thread.
 */
EGDI_API const char *egdi_last_error(void);

/** @brief Status of the last failed call on this thread (EGDI_OK if none). */
EGDI_API egdi_status egdi_last_status(void);

/**
 * @brief Record @p message (copied) as this thread's last error and return
 * @p status, for bindings and embedders that report their own failures
 * through the same channel.
 */
EGDI_API egdi_status egdi_set_error(egdi_status status, const char *message);

/** @brief Forget this thread's last error. */
EGDI_API void egdi_clear_error(void);

/** @brief Run-time version string of the loaded library, e.g. "1.0.0". */
EGDI_API const char *egdi_version_string(void);

/** @brief Run-time version as MAJOR*10000 + MINOR*100 + PATCH. */
EGDI_API int egdi_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
