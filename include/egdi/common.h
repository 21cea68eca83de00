/**
 * @file common.h
 * @brief Export macro, status codes, error reporting and run-time version.
 *
 * Kept for code written against 1.0; the declarations live in export.h and
 * error.h.
 */
#ifndef EGDI_COMMON_H
#define EGDI_COMMON_H

#include <stddef.h>

#include "export.h"
#include "error.h"
#include "egdi/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Run-time version string of the loaded library, e.g. "1.1.0". */
EGDI_API const char *egdi_version_string(void);

/** @brief Run-time version as MAJOR*10000 + MINOR*100 + PATCH. */
EGDI_API int egdi_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
