/* What produced an output: the tool's and library's versions, the command line,
 * the edition and the inputs. Written into JSON output (always) and as a comment
 * line of CSV output (--provenance). The tool is one command per process, so the
 * record is process state of the tool (never of the library). */
#include <stdio.h>
#include <string.h>

#include "egdi_tool.h"

#define MAX_META 12

static const char *keys[MAX_META];
static char values[MAX_META][1024];
static const char *value_ptrs[MAX_META];
static size_t n_meta;

void provenance_set(const char *key, const char *value)
{
    size_t k = 0;
    while (k < n_meta && strcmp(keys[k], key) != 0)
        k++;
    if (k == MAX_META)
        return;
    if (k == n_meta) {
        value_ptrs[n_meta] = values[n_meta];
        keys[n_meta++] = key;
    }
    /* a value that does not fit is cut with "..." (provenance is for people) */
    size_t len = strlen(value), cap = sizeof values[k];
    if (len < cap) {
        memcpy(values[k], value, len + 1);
    } else {
        memcpy(values[k], value, cap - 4);
        memcpy(values[k] + cap - 4, "...", 4);
    }
}

void provenance_add(const char *key, const char *value)
{
    for (size_t k = 0; k < n_meta; k++)
        if (strcmp(keys[k], key) == 0) {
            char joined[sizeof values[k]];
            snprintf(joined, sizeof joined, "%s; %s", values[k], value);
            provenance_set(key, joined);
            return;
        }
    provenance_set(key, value);
}

void provenance_set_int(const char *key, int value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%d", value);
    provenance_set(key, buf);
}

/* Append s to buf (of size cap, holding len bytes), quoted for a POSIX shell
 * when it holds anything but safe characters. */
static size_t append_word(char *buf, size_t len, size_t cap, const char *s)
{
    int plain = *s != '\0';
    for (const char *p = s; *p && plain; p++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                       "-_./=:,+@%", *p) != NULL;
    if (len && len + 1 < cap)
        buf[len++] = ' ';
    if (!plain && len + 1 < cap)
        buf[len++] = '\'';
    for (const char *p = s; *p && len + 5 < cap; p++) {
        if (*p == '\'' && !plain) {
            memcpy(buf + len, "'\\''", 4);
            len += 4;
        } else {
            buf[len++] = *p;
        }
    }
    if (!plain && len + 1 < cap)
        buf[len++] = '\'';
    buf[len < cap ? len : cap - 1] = '\0';
    return len;
}

void provenance_command(int argc, char **argv)
{
    char ver[64], cmd[1024];
    snprintf(ver, sizeof ver, "egdi %s", EGDI_VERSION_STRING);
    provenance_set("tool", ver);
    provenance_set("library", egdi_version_string());
    size_t len = append_word(cmd, 0, sizeof cmd, "egdi");
    for (int i = 1; i < argc; i++)
        len = append_word(cmd, len, sizeof cmd, argv[i]);
    provenance_set("command", cmd);
}

void provenance_apply(egdi_csv_options *co, int comment)
{
    co->meta_keys = keys;
    co->meta_values = value_ptrs;
    co->n_meta = n_meta;
    co->meta_comment = comment;
}

void json_str(FILE *fp, const char *s)
{
    if (!s) {
        fputs("null", fp);
        return;
    }
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

void provenance_json(FILE *fp)
{
    fputc('{', fp);
    for (size_t k = 0; k < n_meta; k++) {
        fputs(k ? ", " : "", fp);
        json_str(fp, keys[k]);
        fputs(": ", fp);
        json_str(fp, values[k]);
    }
    fputc('}', fp);
}
