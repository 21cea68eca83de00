/* What produced an output: the tool's and library's versions, the command line,
 * the edition and the inputs. Written into JSON output (always) and as a comment
 * line of CSV output (--provenance). The tool is one command per process, so the
 * record is process state of the tool (never of the library). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "egdi_tool.h"

#define MAX_META 12

static const char *keys[MAX_META];
static char values[MAX_META][1024];
static const char *value_ptrs[MAX_META];
static size_t n_meta;

/* Length of the valid UTF-8 sequence at s, 0 if the bytes there are not one
 * (overlong forms, surrogates and values above U+10FFFF are not). */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0)
        return 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Command lines and paths are bytes; JSON needs UTF-8: a byte that is not part
 * of a valid sequence becomes '?'. */
static void utf8_repair(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        if (n == 0) {
            *p++ = '?';
        } else {
            p += n;
        }
    }
}

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
    /* a value that does not fit is cut with "..." (provenance is for people), at
     * a character boundary so that the text stays UTF-8 */
    size_t len = strlen(value), cap = sizeof values[k];
    if (len < cap) {
        memcpy(values[k], value, len + 1);
    } else {
        size_t keep = cap - 4;
        while (keep > 0 && ((unsigned char)value[keep] & 0xC0) == 0x80)
            keep--; /* value[keep] would be a continuation byte: step back */
        memcpy(values[k], value, keep);
        memcpy(values[k] + keep, "...", 4);
    }
    utf8_repair(values[k]);
}

void provenance_add(const char *key, const char *value)
{
    for (size_t k = 0; k < n_meta; k++)
        if (strcmp(keys[k], key) == 0) {
            /* both parts fit: provenance_set cuts the joined text if needed */
            char joined[2 * sizeof values[k] + 3];
            size_t a = strlen(values[k]), b = strlen(value);
            if (b > sizeof values[k])
                b = sizeof values[k];
            memcpy(joined, values[k], a);
            memcpy(joined + a, "; ", 2);
            memcpy(joined + a + 2, value, b);
            joined[a + 2 + b] = '\0';
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
 * when it holds anything but safe characters (any byte above 0x7F is not
 * safe, so a word with one ends in its closing quote). A word that does not
 * fit is cut before a whole character, room left for that quote. */
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
    for (const char *p = s; *p; p++) {
        /* whole characters only, so that a cut leaves UTF-8 */
        unsigned char c = (unsigned char)*p;
        size_t seq = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (len + seq + 5 >= cap)
            break;
        if (*p == '\'' && !plain) {
            memcpy(buf + len, "'\\''", 4);
            len += 4;
        } else {
            size_t k = 0;
            for (; k < seq && p[k]; k++)
                buf[len++] = p[k];
            p += k - 1;
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
    provenance_set("command", cmd); /* bytes that are not UTF-8 become '?' there */
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

void json_num(FILE *fp, double v)
{
    char buf[40] = "null";
    for (int p = 15; p <= 17 && isfinite(v); p++) {
        snprintf(buf, sizeof buf, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, fp);
}
