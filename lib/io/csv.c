/* RFC 4180 CSV tokenizer into an in-memory table, and field quoting on write.
 * Cells are trimmed and stored one after the other in a single text arena,
 * so a million-row file costs a few large allocations, not one per cell. */
#include <stdlib.h>
#include <string.h>

#include "io/io.h"

typedef struct builder {
    char *text;
    size_t used, cap;
    size_t *off;
    size_t n_cells, cap_cells;
    size_t *line;
    size_t n_rows, cap_rows;
} builder;

static void builder_free(builder *b)
{
    free(b->text);
    free(b->off);
    free(b->line);
}

/* Append a trimmed copy of s[0..len) as a cell. 0 on no memory. */
static int push_cell(builder *b, const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                       s[len - 1] == '\n'))
        len--;
    if (b->used + len + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->used + len + 1)
            nc *= 2;
        char *p = realloc(b->text, nc);
        if (!p)
            return 0;
        b->text = p;
        b->cap = nc;
    }
    if (b->n_cells == b->cap_cells) {
        size_t nc = b->cap_cells ? b->cap_cells * 2 : 256;
        size_t *p = egdi__reallocarray(b->off, nc, sizeof *p);
        if (!p)
            return 0;
        b->off = p;
        b->cap_cells = nc;
    }
    b->off[b->n_cells++] = b->used;
    memcpy(b->text + b->used, s, len);
    b->text[b->used + len] = '\0';
    b->used += len + 1;
    return 1;
}

static int push_row(builder *b, size_t line)
{
    if (b->n_rows == b->cap_rows) {
        size_t nc = b->cap_rows ? b->cap_rows * 2 : 64;
        size_t *p = egdi__reallocarray(b->line, nc, sizeof *p);
        if (!p)
            return 0;
        b->line = p;
        b->cap_rows = nc;
    }
    b->line[b->n_rows++] = line;
    return 1;
}

/* The delimiters a file may use, in order of preference on a tie. */
static const char delimiters[] = {',', ';', '\t', '|'};
#define N_DELIMITERS (sizeof delimiters / sizeof *delimiters)

/* How often each candidate delimiter occurs outside quotes on the first line. */
static void count_delimiters(const char *text, size_t len, size_t counts[N_DELIMITERS])
{
    int quoted = 0;
    memset(counts, 0, N_DELIMITERS * sizeof *counts);
    for (size_t i = 0; i < len && (quoted || (text[i] != '\n' && text[i] != '\r')); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted)
            for (size_t k = 0; k < N_DELIMITERS; k++)
                counts[k] += text[i] == delimiters[k];
    }
}

char egdi__csv_detect_delimiter(const char *text, size_t len)
{
    /* ',' or ';' whenever either occurs (tabs may pad a comma file); tab or
     * '|' only in a header without both */
    size_t counts[N_DELIMITERS];
    count_delimiters(text, len, counts);
    if (counts[0] || counts[1])
        return counts[1] > counts[0] ? ';' : ',';
    if (counts[2] || counts[3])
        return counts[3] > counts[2] ? '|' : '\t';
    return ',';
}

int egdi__csv_delimiter_ok(char d)
{
    return d != 0 && memchr(delimiters, d, N_DELIMITERS) != NULL;
}

const char *egdi__csv_delimiter_name(char d)
{
    switch (d) {
    case ',': return "','";
    case ';': return "';'";
    case '\t': return "tab";
    case '|': return "'|'";
    default: return "?";
    }
}

/* Line (1-based) of byte offset `at`. */
static size_t line_of(const char *text, size_t at)
{
    size_t line = 1;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
            line++;
    return line;
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_sequence(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else
        return 0;
    if (n < len || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (p[k] < 0x80 || p[k] > 0xBF)
            return 0;
    return len;
}

size_t egdi__text_invalid_at(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (p[i] >= 0x80) {
            size_t k = utf8_sequence(p + i, len - i);
            if (!k)
                return i;
            i += k;
        } else if (p[i] == 0) {
            return i;
        } else {
            i++;
        }
    }
    return len;
}

egdi_status egdi__text_check(const char *text, size_t len, size_t skipped, const char *source)
{
    size_t i = egdi__text_invalid_at(text, len);
    if (i == len)
        return EGDI_OK;
    unsigned char c = (unsigned char)text[i];
    if (c == 0)
        return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: NUL byte at byte offset %zu; a text CSV "
                          "file has none (is it a spreadsheet or a UTF-16 file?)", source,
                          line_of(text, i), i + skipped);
    return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: invalid UTF-8 at byte offset %zu (byte 0x%02X); "
                      "save the file as UTF-8", source, line_of(text, i), i + skipped, c);
}

void egdi__csv_free(egdi__csv *csv)
{
    free(csv->text);
    free(csv->off);
    free(csv->line);
    memset(csv, 0, sizeof *csv);
}

/* Two columns with the same (non-empty) header are an error naming both. */
static egdi_status check_header(const builder *b, size_t n_cols, const char *source)
{
    egdi__strmap seen = {0};
    egdi_status st = EGDI_OK;
    for (size_t j = 0; j < n_cols && st == EGDI_OK; j++) {
        const char *h = b->text + b->off[j];
        size_t first;
        int r = *h ? egdi__strmap_put(&seen, h, j, &first) : 1;
        if (r < 0)
            st = egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
        else if (r == 0)
            st = egdi__fail(EGDI_ERR_DUPLICATE, "%s:%zu: duplicate column '%s': columns %zu "
                            "and %zu have the same header", source, b->line[0], h, first + 1,
                            j + 1);
    }
    egdi__strmap_free(&seen);
    return st;
}

static egdi_status fail_parse(builder *b, char *field, egdi_status st)
{
    free(field);
    builder_free(b);
    return st;
}

egdi_status egdi__csv_parse(const char *text, size_t len, char delimiter, const char *source,
                            egdi__csv *out)
{
    memset(out, 0, sizeof *out);
    size_t len0 = len;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        text += 3;
        len -= 3;
    }
    size_t skipped = len0 - len;
    egdi_status st = egdi__text_check(text, len, skipped, source);
    if (st != EGDI_OK)
        return st;
    int detected = delimiter == 0;
    if (detected)
        delimiter = egdi__csv_detect_delimiter(text, len);
    if (!egdi__csv_delimiter_ok(delimiter))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: the delimiter must be ',', ';', tab or '|'",
                          source);
    if (!detected) { /* a given delimiter that the header does not use */
        size_t counts[N_DELIMITERS], k_given = 0, k_best = 0;
        count_delimiters(text, len, counts);
        for (size_t k = 0; k < N_DELIMITERS; k++) {
            if (delimiters[k] == delimiter)
                k_given = k;
            if (counts[k] > counts[k_best])
                k_best = k;
        }
        if (counts[k_given] == 0 && counts[k_best] > 0)
            return egdi__fail(EGDI_ERR_PARSE, "%s:1: the header has no %s delimiter but %zu "
                              "%s; the file seems to be %s-delimited", source,
                              egdi__csv_delimiter_name(delimiter), counts[k_best],
                              egdi__csv_delimiter_name(delimiters[k_best]),
                              egdi__csv_delimiter_name(delimiters[k_best]));
    }

    builder b = {0};
    size_t n_cols = 0, row_cells = 0, line = 1, row_line = 1;
    char *field = NULL; /* unquoted text of a quoted field; unquoted fields are used in place */
    size_t field_cap = 0;
    size_t i = 0;
    int at_row_start = 1;
    while (i <= len) {
        /* skip blank lines between records */
        if (at_row_start) {
            if (i < len && (text[i] == '\n' || text[i] == '\r')) {
                if (text[i] == '\n' || !(i + 1 < len && text[i + 1] == '\n'))
                    line++;
                i++;
                continue;
            }
            if (i == len)
                break;
            row_line = line;
            at_row_start = 0;
            row_cells = 0;
        }
        /* one field */
        int ok;
        if (i < len && text[i] == '"') {
            size_t qline = line, flen = 0;
            i++;
            for (;;) {
                if (i >= len)
                    return fail_parse(&b, field,
                                      egdi__fail(EGDI_ERR_PARSE,
                                                 "%s:%zu: column %zu: quoted field is not closed",
                                                 source, qline, row_cells + 1));
                if (flen == field_cap) {
                    size_t nc = field_cap ? field_cap * 2 : 256;
                    char *p = realloc(field, nc);
                    if (!p)
                        return fail_parse(&b, field,
                                          egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source));
                    field = p;
                    field_cap = nc;
                }
                if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"') {
                        field[flen++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (text[i] == '\n')
                    line++;
                field[flen++] = text[i++];
            }
            /* only blanks may follow the closing quote */
            while (i < len && (text[i] == ' ' || text[i] == '\t') && text[i] != delimiter)
                i++;
            if (i < len && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
                return fail_parse(&b, field,
                                  egdi__fail(EGDI_ERR_PARSE,
                                             "%s:%zu: column %zu: text after a closing quote",
                                             source, line, row_cells + 1));
            ok = push_cell(&b, field, flen);
        } else {
            size_t start = i;
            while (i < len && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"')
                    return fail_parse(&b, field,
                                      egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu: quote "
                                                 "inside an unquoted field",
                                                 source, line, row_cells + 1));
                i++;
            }
            ok = push_cell(&b, text + start, i - start);
        }
        if (!ok)
            return fail_parse(&b, field, egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source));
        row_cells++;
        if (i < len && text[i] == delimiter) {
            i++;
            continue;
        }
        /* end of record */
        if (b.n_rows == 0) {
            n_cols = row_cells;
        } else if (row_cells != n_cols) {
            return fail_parse(&b, field,
                              egdi__fail(EGDI_ERR_PARSE,
                                         "%s:%zu: row has %zu fields, the header has %zu%s",
                                         source, row_line, row_cells, n_cols,
                                         delimiter == ',' && row_cells > n_cols
                                             ? " (a number with a decimal comma? quote it, or "
                                               "use ';' between fields)"
                                             : ""));
        }
        if (!push_row(&b, row_line))
            return fail_parse(&b, field, egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source));
        at_row_start = 1;
        if (i >= len)
            break;
    }
    free(field);
    if (b.n_rows == 0) {
        builder_free(&b);
        return egdi__fail(EGDI_ERR_PARSE, "%s: empty file, no header", source);
    }
    st = check_header(&b, n_cols, source);
    if (st != EGDI_OK) {
        builder_free(&b);
        return st;
    }
    out->text = b.text;
    out->off = b.off;
    out->line = b.line;
    out->n_rows = b.n_rows;
    out->n_cols = n_cols;
    return EGDI_OK;
}

long egdi__csv_find_col(const egdi__csv *csv, const char *name)
{
    for (size_t j = 0; j < csv->n_cols; j++)
        if (strcmp(egdi__csv_cell(csv, 0, j), name) == 0)
            return (long)j;
    return -1;
}

void egdi__csv_write_field(FILE *fp, const char *s, char delimiter)
{
    int quote = s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ');
    for (const char *p = s; *p && !quote; p++)
        quote = *p == delimiter || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}
