/* Thread-local last error, status descriptions and run-time version. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define EGDI_MSG_SIZE 1024

static _Thread_local char tl_message[EGDI_MSG_SIZE];
static _Thread_local egdi_status tl_status = EGDI_OK;

egdi_status egdi__fail(egdi_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tl_message, sizeof tl_message, fmt, ap);
    va_end(ap);
    tl_status = status;
    return status;
}

void egdi__error_prefix(const char *fmt, ...)
{
    char joined[EGDI_MSG_SIZE];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(joined, sizeof joined, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t used = (size_t)n < sizeof joined ? (size_t)n : sizeof joined - 1;
    size_t rest = strlen(tl_message);
    if (rest > sizeof joined - 1 - used)
        rest = sizeof joined - 1 - used;
    memcpy(joined + used, tl_message, rest);
    joined[used + rest] = '\0';
    memcpy(tl_message, joined, used + rest + 1);
}

egdi_status egdi_set_error(egdi_status status, const char *message)
{
    return egdi__fail(status, "%s", message ? message : "");
}

const char *egdi_last_error(void) { return tl_message; }

egdi_status egdi_last_status(void) { return tl_status; }

void egdi_clear_error(void)
{
    tl_message[0] = '\0';
    tl_status = EGDI_OK;
}

const char *egdi_strerror(egdi_status status)
{
    switch (status) {
    case EGDI_OK: return "success";
    case EGDI_ERR_NOMEM: return "out of memory";
    case EGDI_ERR_INVALID_ARG: return "invalid argument";
    case EGDI_ERR_IO: return "input/output error";
    case EGDI_ERR_PARSE: return "malformed input";
    case EGDI_ERR_NOT_FOUND: return "not found";
    case EGDI_ERR_DUPLICATE: return "duplicate name or code";
    case EGDI_ERR_INVALID_INDEX: return "invalid index definition";
    case EGDI_ERR_DOMAIN: return "data outside the method's domain";
    case EGDI_ERR_RANGE: return "position out of range";
    }
    return "unknown status";
}

const char *egdi_version_string(void) { return EGDI_VERSION_STRING; }

int egdi_version_number(void) { return EGDI_VERSION_NUMBER; }
