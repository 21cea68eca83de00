/* RFC 4180 CSV tokenizer into an in-memory table, and field quoting on write. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct cellbuf {
    char **cells;
    size_t n, cap;
} cellbuf;

static int push_cell(cellbuf *cb, const char *s, size_t len)
{
    if (cb->n == cb->cap) {
        size_t nc = cb->cap ? cb->cap * 2 : 256;
        char **p = egdi__reallocarray(cb->cells, nc, sizeof *p);
        if (!p)
            return 0;
        cb->cells = p;
        cb->cap = nc;
    }
    char *c = egdi__strndup_trim(s, len);
    if (!c)
        return 0;
    cb->cells[cb->n++] = c;
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
    if (!csv->cells)
        return;
    for (size_t i = 0; i < csv->n_rows * csv->n_cols; i++)
        free(csv->cells[i]);
    free(csv->cells);
    free(csv->line);
    memset(csv, 0, sizeof *csv);
}

static egdi_status fail_parse(cellbuf *cb, size_t *lines, egdi_status st)
{
    for (size_t i = 0; i < cb->n; i++)
        free(cb->cells[i]);
    free(cb->cells);
    free(lines);
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

    cellbuf cb = {0};
    size_t *lines = NULL, n_rows = 0, cap_rows = 0, n_cols = 0, row_cells = 0;
    size_t line = 1, row_line = 1;
    char *field = malloc(len + 1); /* unquoted text of the current field */
    if (!field)
        return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
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
        size_t flen = 0;
        if (i < len && text[i] == '"') {
            size_t qline = line;
            i++;
            for (;;) {
                if (i >= len) {
                    free(field);
                    return fail_parse(&cb, lines,
                                      egdi__fail(EGDI_ERR_PARSE,
                                                 "%s:%zu: column %zu: quoted field is not closed",
                                                 source, qline, row_cells + 1));
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
            if (i < len && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
                free(field);
                return fail_parse(&cb, lines,
                                  egdi__fail(EGDI_ERR_PARSE,
                                             "%s:%zu: column %zu: text after a closing quote",
                                             source, line, row_cells + 1));
            }
        } else {
            while (i < len && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"') {
                    free(field);
                    return fail_parse(&cb, lines,
                                      egdi__fail(EGDI_ERR_PARSE,
                                                 "%s:%zu: column %zu: quote inside an unquoted field",
                                                 source, line, row_cells + 1));
                }
                field[flen++] = text[i++];
            }
        }
        if (!push_cell(&cb, field, flen)) {
            free(field);
            return fail_parse(&cb, lines, egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source));
        }
        row_cells++;
        if (i < len && text[i] == delimiter) {
            i++;
            continue;
        }
        /* end of record */
        if (n_rows == 0) {
            n_cols = row_cells;
        } else if (row_cells != n_cols) {
            free(field);
            return fail_parse(&cb, lines,
                              egdi__fail(EGDI_ERR_PARSE,
                                         "%s:%zu: row has %zu fields, the header has %zu", source,
                                         row_line, row_cells, n_cols));
        }
        if (n_rows == cap_rows) {
            size_t nc = cap_rows ? cap_rows * 2 : 64;
            size_t *p = egdi__reallocarray(lines, nc, sizeof *p);
            if (!p) {
                free(field);
                return fail_parse(&cb, lines,
                                  egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source));
            }
            lines = p;
            cap_rows = nc;
        }
        lines[n_rows++] = row_line;
        at_row_start = 1;
        if (i >= len)
            break;
    }
    free(field);
    if (n_rows == 0)
        return fail_parse(&cb, lines, egdi__fail(EGDI_ERR_PARSE, "%s: empty file, no header", source));
    out->cells = cb.cells;
    out->line = lines;
    out->n_rows = n_rows;
    out->n_cols = n_cols;
    return EGDI_OK;
}

const char *egdi__csv_cell(const egdi__csv *csv, size_t row, size_t col)
{
    return csv->cells[row * csv->n_cols + col];
}

long egdi__csv_find_col(const egdi__csv *csv, const char *name)
{
    for (size_t j = 0; j < csv->n_cols; j++)
        if (strcmp(csv->cells[j], name) == 0)
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
