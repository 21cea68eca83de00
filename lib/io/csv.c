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

char egdi__csv_detect_delimiter(const char *text, size_t len)
{
    size_t commas = 0, semis = 0;
    int quoted = 0;
    for (size_t i = 0; i < len && (quoted || (text[i] != '\n' && text[i] != '\r')); i++) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == ',')
            commas++;
        else if (!quoted && text[i] == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

void egdi__csv_free(egdi__csv *csv)
{
    free(csv->text);
    free(csv->off);
    free(csv->line);
    memset(csv, 0, sizeof *csv);
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
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        text += 3;
        len -= 3;
    }
    if (delimiter == 0)
        delimiter = egdi__csv_detect_delimiter(text, len);
    if (delimiter != ',' && delimiter != ';')
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: delimiter must be ',' or ';'", source);

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
            while (i < len && (text[i] == ' ' || text[i] == '\t'))
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
                                         "%s:%zu: row has %zu fields, the header has %zu", source,
                                         row_line, row_cells, n_cols));
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
