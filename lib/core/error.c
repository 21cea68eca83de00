/* Thread-local last error, status descriptions (from EGDI_STATUS_LIST) and
 * the run-time version. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"

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
#define TEXT(name, value, text, pyclass, pybase) \
    case name: return text;
    switch (status) { EGDI_STATUS_LIST(TEXT) }
#undef TEXT
    return "unknown status";
}

const char *egdi_status_name(egdi_status status)
{
#define NAME(name, value, text, pyclass, pybase) \
    case name: return #name;
    switch (status) { EGDI_STATUS_LIST(NAME) }
#undef NAME
    return NULL;
}

const char *egdi_version_string(void) { return EGDI_VERSION_STRING; }

int egdi_version_number(void) { return EGDI_VERSION_NUMBER; }
