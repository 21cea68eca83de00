/**
 * @file error.h
 * @brief Status codes and the thread-local error message.
 *
 * Every fallible libegdi function returns an ::egdi_status. On failure it also
 * records, for the calling thread, a message that names the place (file, line,
 * column, unit code, node code). A failing call always sets its own message,
 * so the message never belongs to an earlier call. The library never prints,
 * aborts or exits.
 */
#ifndef EGDI_ERROR_H
#define EGDI_ERROR_H

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The one list of status codes: X(name, value, description, Python
 * exception class, Python built-in base class).
 *
 * The enum ::egdi_status, egdi_strerror(), egdi_status_name() and the Python
 * exception classes (egdi.ParseError, ...) are all generated from this list.
 * Values are stable ABI: codes are only ever appended, never renumbered.
 */
#define EGDI_STATUS_LIST(X)                                                                      \
    X(EGDI_OK, 0, "success", "", "")                                                              \
    X(EGDI_ERR_NOMEM, 1, "out of memory", "OutOfMemoryError", "MemoryError")                      \
    X(EGDI_ERR_INVALID_ARG, 2, "invalid argument", "InvalidArgumentError", "ValueError")          \
    X(EGDI_ERR_IO, 3, "input/output error", "InputOutputError", "OSError")                        \
    X(EGDI_ERR_PARSE, 4, "malformed input", "ParseError", "ValueError")                           \
    X(EGDI_ERR_NOT_FOUND, 5, "not found", "NotFoundError", "LookupError")                         \
    X(EGDI_ERR_DUPLICATE, 6, "duplicate name or code", "DuplicateError", "ValueError")            \
    X(EGDI_ERR_INVALID_INDEX, 7, "invalid index definition", "IndexDefinitionError", "ValueError") \
    X(EGDI_ERR_DOMAIN, 8, "data outside the method's domain", "DomainError", "ArithmeticError")   \
    X(EGDI_ERR_RANGE, 9, "position out of range", "RangeError", "IndexError")                     \
    X(EGDI_ERR_NO_CONVERGENCE, 10, "no convergence", "NoConvergenceError", "ArithmeticError")     \
    X(EGDI_ERR_CANCELLED, 11, "cancelled", "CancelledError", "RuntimeError")                      \
    X(EGDI_ERR_UNSUPPORTED, 12, "operation not supported", "UnsupportedError",                    \
      "NotImplementedError")                                                                      \
    X(EGDI_ERR_DATA, 13, "implausible or insufficient data", "DataError", "ValueError")

/** @cond INTERNAL */
#define EGDI__STATUS_ENUM(name, value, text, pyclass, pybase) name = value,
/** @endcond */

/**
 * @brief Result of every fallible call.
 *
 * | code | meaning |
 * |---|---|
 * | EGDI_OK (0) | success |
 * | EGDI_ERR_NOMEM (1) | memory allocation failed |
 * | EGDI_ERR_INVALID_ARG (2) | NULL pointer, wrong length, bad option value, wrong call order |
 * | EGDI_ERR_IO (3) | a file could not be opened, read or written |
 * | EGDI_ERR_PARSE (4) | malformed input text (CSV syntax, not a number, bad header) |
 * | EGDI_ERR_NOT_FOUND (5) | unknown column, unit, node, method or edition |
 * | EGDI_ERR_DUPLICATE (6) | a name or code that must be unique is repeated |
 * | EGDI_ERR_INVALID_INDEX (7) | inconsistent index definition (parent, cycle, weights, parameters) |
 * | EGDI_ERR_DOMAIN (8) | data a method cannot process (zero variance, a value <= 0 in a geomean) |
 * | EGDI_ERR_RANGE (9) | an index or position is out of range |
 * | EGDI_ERR_NO_CONVERGENCE (10) | an iterative method did not converge (since 1.1) |
 * | EGDI_ERR_CANCELLED (11) | a long run was cancelled by the caller (since 1.1) |
 * | EGDI_ERR_UNSUPPORTED (12) | not supported for this input or method (since 1.1) |
 */
typedef enum egdi_status { EGDI_STATUS_LIST(EGDI__STATUS_ENUM) } egdi_status;

/** @brief Static English description of a status code (never NULL; "unknown status" if unknown). */
EGDI_API const char *egdi_strerror(egdi_status status);

/** @brief Symbolic name of a status code, e.g. "EGDI_ERR_PARSE" (NULL if unknown). Since 1.1. */
EGDI_API const char *egdi_status_name(egdi_status status);

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

#ifdef __cplusplus
}
#endif

#endif
