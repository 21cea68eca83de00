/* Wide CSV tables in and out of a dataset; JSON out. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "io/io.h"

/* Size of each version of egdi_csv_options; a version's size never changes. */
static const size_t csv_sizes[] = {
    0, offsetof(egdi_csv_options, omit_code) + sizeof(int), /* 1: 1.0 */
    offsetof(egdi_csv_options, decimal) + sizeof(char),      /* 2: 1.2 */
    offsetof(egdi_csv_options, meta_comment) + sizeof(int)   /* 3: 1.3 */
};
#define N_CSV_VERSIONS (sizeof csv_sizes / sizeof *csv_sizes)

static void defaults(egdi_csv_options *o)
{
    memset(o, 0, sizeof *o);
    o->version = EGDI_CSV_OPTIONS_VERSION;
    o->code_column = "code";
    o->name_column = "name";
    o->decimals = -1;
    o->decimal = '.';
}

void(egdi_csv_options_init)(egdi_csv_options *opts)
{
    /* the 1.0 entry point: binaries built against 1.0 pass a version-1 struct */
    if (opts)
        egdi_csv_options_init_version(opts, 1);
}

egdi_status egdi_csv_options_init_version(egdi_csv_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    egdi_csv_options d;
    defaults(&d);
    return egdi__versioned_init(opts, &d, csv_sizes, N_CSV_VERSIONS, version, "egdi_csv_options");
}

egdi_status egdi__csv_options_resolve(const egdi_csv_options *in, egdi_csv_options *out)
{
    egdi_csv_options d;
    defaults(&d);
    egdi_status st = egdi__versioned_read(out, &d, in, csv_sizes, N_CSV_VERSIONS,
                                          "egdi_csv_options");
    if (st != EGDI_OK)
        return st;
    if (!out->code_column)
        out->code_column = "code";
    if (!out->name_column)
        out->name_column = "name";
    if (out->delimiter != 0 && !egdi__csv_delimiter_ok(out->delimiter))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "delimiter must be ',', ';', tab or '|'");
    if (out->decimal == 0)
        out->decimal = '.';
    if (out->decimal != '.' && out->decimal != ',')
        return egdi__fail(EGDI_ERR_INVALID_ARG, "decimal separator must be '.' or ','");
    if (out->n_numeric_columns && !out->numeric_columns)
        return egdi__fail(EGDI_ERR_INVALID_ARG,
                          "numeric_columns is NULL but n_numeric_columns is %zu",
                          out->n_numeric_columns);
    if (out->decimals < -1 || out->decimals > 17)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "decimals must be -1..17, not %d", out->decimals);
    if (out->n_label_columns && !out->label_columns)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "label_columns is NULL but n_label_columns is %zu",
                          out->n_label_columns);
    return EGDI_OK;
}

static int is_listed(const char *const *list, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (list[k] && strcmp(list[k], name) == 0)
            return 1;
    return 0;
}

static egdi_status add_units(const egdi__csv *csv, long code_col, long name_col,
                             const char *source, egdi_dataset *ds)
{
    size_t n = csv->n_rows - 1, made = 0;
    char **codes = egdi__mallocarray(n, sizeof *codes);
    char **names = egdi__mallocarray(n, sizeof *names);
    egdi_status st =
        codes && names ? EGDI_OK : egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
    for (; made < n && st == EGDI_OK; made++) {
        const char *c = egdi__csv_cell(csv, made + 1, (size_t)code_col);
        const char *nm = egdi__csv_cell(csv, made + 1, (size_t)name_col);
        codes[made] = egdi__strdup(c);
        names[made] = egdi__strdup(*nm ? nm : c);
        if (!codes[made] || !names[made]) {
            free(codes[made]), free(names[made]);
            st = egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
            break;
        }
        if (!*c) { /* made + 1 entries are allocated; leave the loop without its made++ */
            made++;
            st = egdi__fail(EGDI_ERR_INVALID_ARG, "%s:%zu: unit %zu: empty code", source,
                            csv->line[made], made);
            break;
        }
    }
    if (st == EGDI_OK) {
        st = egdi__dataset_adopt_units(ds, codes, names, n);
        if (st == EGDI_ERR_DUPLICATE) { /* name the line of the second occurrence */
            egdi__strmap seen = {0};
            for (size_t r = 0; r < n; r++)
                if (egdi__strmap_put(&seen, codes[r], r, NULL) == 0) {
                    egdi__error_prefix("%s:%zu: ", source, csv->line[r + 1]);
                    break;
                }
            egdi__strmap_free(&seen);
        }
    }
    if (st != EGDI_OK)
        for (size_t i = 0; i < made; i++)
            free(codes[i]), free(names[i]);
    free(codes);
    free(names);
    return st;
}

static egdi_status build_from_csv(const egdi__csv *csv, const egdi_csv_options *o,
                                  const char *source, egdi_dataset *ds)
{
    long code_col = egdi__csv_find_col(csv, o->code_column);
    long name_col = egdi__csv_find_col(csv, o->name_column);
    if (code_col < 0 && name_col < 0)
        code_col = name_col = 0;
    else if (code_col < 0)
        code_col = name_col;
    else if (name_col < 0)
        name_col = code_col;
    for (size_t j = 0; j < csv->n_cols; j++)
        if (!*egdi__csv_cell(csv, 0, j))
            return egdi__fail(EGDI_ERR_PARSE, "%s:%zu: column %zu has an empty header", source,
                              csv->line[0], j + 1);
    egdi_status st = add_units(csv, code_col, name_col, source, ds);
    size_t n = ds->n_units;
    for (size_t j = 0; j < csv->n_cols && st == EGDI_OK; j++) {
        if ((long)j == code_col || (long)j == name_col)
            continue;
        const char *head = egdi__csv_cell(csv, 0, j);
        int numeric = is_listed(o->numeric_columns, o->n_numeric_columns, head);
        int label = !numeric && is_listed(o->label_columns, o->n_label_columns, head);
        if (!label) {
            /* numeric unless the column is undeclared and some cell is not a number */
            double *v = egdi__mallocarray(n, sizeof *v);
            if (!v)
                return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
            size_t r = 1;
            for (; r < csv->n_rows; r++)
                if (!egdi__parse_number_sep(egdi__csv_cell(csv, r, j), o->decimal, &v[r - 1]))
                    break;
            if (r == csv->n_rows) {
                st = egdi__dataset_adopt_numeric(ds, head, v);
                if (st != EGDI_OK) {
                    free(v);
                    egdi__error_prefix("%s:%zu: column %zu: ", source, csv->line[0], j + 1);
                }
                continue;
            }
            free(v);
            if (numeric || o->label_columns) { /* declared numeric (or so by omission) */
                const char *cell = egdi__csv_cell(csv, r, j);
                return egdi__fail(EGDI_ERR_PARSE,
                                  "%s:%zu: column %zu ('%s'), unit '%s': '%s' %s", source,
                                  csv->line[r], j + 1, head, ds->codes[r - 1], cell,
                                  egdi__number_problem(cell, o->decimal));
            }
            label = 1;
        }
        size_t k = ds->n_cols;
        st = egdi_dataset_add_labels(ds, head, NULL, 0);
        if (st != EGDI_OK) {
            egdi__error_prefix("%s:%zu: column %zu: ", source, csv->line[0], j + 1);
            break;
        }
        egdi__column *c = &ds->cols[k];
        for (size_t r = 1; r < csv->n_rows; r++) {
            int code = egdi__level_intern(c, egdi__csv_cell(csv, r, j));
            if (code == -2)
                return egdi__fail(EGDI_ERR_NOMEM, "%s: out of memory", source);
            c->codes[r - 1] = code;
        }
    }
    return st;
}

egdi_status egdi_dataset_read_csv_buffer(const char *text, size_t len,
                                         const egdi_csv_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    egdi_csv_options o;
    egdi_status st = egdi__csv_options_resolve(opts, &o);
    if (st != EGDI_OK)
        return st;
    return egdi__dataset_from_text(text ? text : "", len, &o, "<buffer>", out);
}

egdi_status egdi__dataset_from_csv(const char *text, size_t len, char delimiter,
                                   const char *source, egdi__csv_builder build, const void *ctx,
                                   egdi_dataset **out)
{
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    egdi__csv csv;
    egdi_dataset *ds = NULL;
    st = egdi__csv_parse(text, len, delimiter, source, &csv);
    if (st == EGDI_OK) {
        st = egdi_dataset_new(&ds);
        if (st == EGDI_OK)
            st = build(&csv, ctx, source, ds);
        egdi__csv_free(&csv);
    }
    egdi__locale_pop(&loc);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

static egdi_status build_wide(const egdi__csv *csv, const void *ctx, const char *source,
                              egdi_dataset *ds)
{
    return build_from_csv(csv, ctx, source, ds);
}

egdi_status egdi__dataset_from_text(const char *text, size_t len, const egdi_csv_options *o,
                                    const char *source, egdi_dataset **out)
{
    return egdi__dataset_from_csv(text, len, o->delimiter, source, build_wide, o, out);
}

egdi_status egdi_dataset_read_csv(const char *path, const egdi_csv_options *opts,
                                  egdi_dataset **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    egdi_csv_options o;
    egdi_status st = egdi__csv_options_resolve(opts, &o);
    if (st != EGDI_OK)
        return st;
    char *text = NULL;
    size_t len;
    st = egdi__read_file(path, &text, &len);
    if (st != EGDI_OK)
        return st;
    st = egdi__dataset_from_text(text, len, &o, path, out);
    free(text);
    return st;
}

egdi_status egdi_dataset_read_csv_stream(FILE *fp, const char *source,
                                         const egdi_csv_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG(fp && out, "fp/out");
    egdi_csv_options o;
    egdi_status st = egdi__csv_options_resolve(opts, &o);
    if (st != EGDI_OK)
        return st;
    if (!source)
        source = "<stream>";
    char *text = NULL;
    size_t len;
    if ((st = egdi__read_stream(fp, source, &text, &len)) != EGDI_OK)
        return st;
    st = egdi__dataset_from_text(text, len, &o, source, out);
    free(text);
    return st;
}

static void write_meta(FILE *fp, const egdi_csv_options *o);

/* The digits after the point of each numeric column: `decimals` (>= 0) for a
 * column of measurements, 0 for a column whose values are all whole numbers
 * (ranks, years, counts, flags), so that --decimals 3 writes rank 1, not
 * 1.000. NULL (out of memory, or decimals -1 = shortest exact text, which
 * writes whole numbers without a point anyway): every column `decimals`. */
static int *column_decimals(const egdi_dataset *ds, int decimals)
{
    if (decimals < 0 || ds->n_cols == 0)
        return NULL;
    int *dec = egdi__mallocarray(ds->n_cols, sizeof *dec);
    for (size_t j = 0; dec && j < ds->n_cols; j++) {
        const egdi__column *c = &ds->cols[j];
        int whole = c->kind == EGDI_COLUMN_NUMERIC;
        for (size_t i = 0; whole && i < ds->n_units; i++) {
            double v = c->num[i];
            whole = isnan(v) || (fabs(v) < 9007199254740992.0 && v == floor(v));
        }
        dec[j] = whole ? 0 : decimals;
    }
    return dec;
}

static void write_csv(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *o)
{
    char d = o->delimiter ? o->delimiter : ',';
    const char *eol = o->crlf ? "\r\n" : "\n";
    char buf[64];
    if (o->meta_comment && o->n_meta) {
        fputs("# ", fp);
        write_meta(fp, o);
        fputs(eol, fp);
    }
    if (!o->omit_code) {
        egdi__csv_write_field(fp, o->code_column, d);
        fputc(d, fp);
    }
    egdi__csv_write_field(fp, o->name_column, d);
    for (size_t j = 0; j < ds->n_cols; j++) {
        fputc(d, fp);
        egdi__csv_write_field(fp, ds->cols[j].name, d);
    }
    fputs(eol, fp);
    int *dec = column_decimals(ds, o->decimals);
    for (size_t i = 0; i < ds->n_units; i++) {
        if (!o->omit_code) {
            egdi__csv_write_field(fp, ds->codes[i], d);
            fputc(d, fp);
        }
        egdi__csv_write_field(fp, ds->names[i], d);
        for (size_t j = 0; j < ds->n_cols; j++) {
            fputc(d, fp);
            const egdi__column *c = &ds->cols[j];
            if (c->kind == EGDI_COLUMN_NUMERIC) {
                egdi__format_number(c->num[i], dec ? dec[j] : o->decimals, buf, sizeof buf);
                fputs(buf, fp);
            } else if (c->codes[i] >= 0) {
                egdi__csv_write_field(fp, c->levels[c->codes[i]], d);
            }
        }
        fputs(eol, fp);
    }
    free(dec);
}

static void json_string(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p == '\t')
            fputs("\\t", fp);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

/* {"key": "value", ...} of the provenance pairs, on one line. */
static void write_meta(FILE *fp, const egdi_csv_options *o)
{
    fputc('{', fp);
    for (size_t k = 0; k < o->n_meta; k++) {
        if (k)
            fputs(", ", fp);
        json_string(fp, o->meta_keys[k]);
        fputs(": ", fp);
        json_string(fp, o->meta_values[k]);
    }
    fputc('}', fp);
}

static void write_json(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *o)
{
    char buf[64];
    if (o->n_meta) {
        fputs("{\"provenance\": ", fp);
        write_meta(fp, o);
        fputs(",\n\"rows\": ", fp);
    }
    fputs("[", fp);
    int *dec = column_decimals(ds, o->decimals);
    for (size_t i = 0; i < ds->n_units; i++) {
        fputs(i ? ",\n {" : "\n {", fp);
        if (!o->omit_code) {
            json_string(fp, o->code_column);
            fputs(": ", fp);
            json_string(fp, ds->codes[i]);
            fputs(", ", fp);
        }
        json_string(fp, o->name_column);
        fputs(": ", fp);
        json_string(fp, ds->names[i]);
        for (size_t j = 0; j < ds->n_cols; j++) {
            const egdi__column *c = &ds->cols[j];
            fputs(", ", fp);
            json_string(fp, c->name);
            fputs(": ", fp);
            if (c->kind == EGDI_COLUMN_LABEL) {
                json_string(fp, c->codes[i] < 0 ? "" : c->levels[c->codes[i]]);
            } else if (isnan(c->num[i])) {
                fputs("null", fp);
            } else {
                egdi__format_number(c->num[i], dec ? dec[j] : o->decimals, buf, sizeof buf);
                fputs(buf, fp);
            }
        }
        fputs("}", fp);
    }
    free(dec);
    fputs(o->n_meta ? "\n]}\n" : "\n]\n", fp);
}

typedef void (*writer_fn)(const egdi_dataset *, FILE *, const egdi_csv_options *);

/* JSON is UTF-8 by definition: refuse text that is not, before writing. The
 * message names the place without echoing the bad bytes. */
static egdi_status check_utf8(const char *s, const char *what)
{
    size_t n = strlen(s), at = egdi__text_invalid_at(s, n);
    if (at == n)
        return EGDI_OK;
    return egdi__fail(EGDI_ERR_INVALID_ARG, "%s is not valid UTF-8 (byte 0x%02X at offset %zu); "
                      "JSON output needs UTF-8 text", what, (unsigned char)s[at], at);
}

/* The provenance pairs: both arrays given, keys non-empty and distinct, text UTF-8.
 * Few pairs (a handful), so the pairwise key check is no cost. */
static egdi_status check_meta(const egdi_csv_options *o)
{
    if (!o->n_meta)
        return EGDI_OK;
    if (!o->meta_keys || !o->meta_values)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "n_meta is %zu but meta_keys or meta_values "
                          "is NULL", o->n_meta);
    for (size_t k = 0; k < o->n_meta; k++) {
        const char *key = o->meta_keys[k], *val = o->meta_values[k];
        if (!key || !*key || !val)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "provenance entry %zu: %s", k + 1,
                              !key || !*key ? "empty key" : "NULL value");
        egdi_status st = check_utf8(key, "a provenance key");
        st = st ? st : check_utf8(val, "a provenance value");
        if (st != EGDI_OK) {
            egdi__error_prefix("provenance entry %zu: ", k + 1);
            return st;
        }
        for (size_t m = 0; m < k; m++)
            if (strcmp(o->meta_keys[m], key) == 0)
                return egdi__fail(EGDI_ERR_DUPLICATE, "provenance key '%s' given twice", key);
    }
    return EGDI_OK;
}

static egdi_status check_json_text(const egdi_dataset *ds, const egdi_csv_options *o)
{
    egdi_status st = check_utf8(o->code_column, "the code column's name");
    st = st ? st : check_utf8(o->name_column, "the name column's name");
    for (size_t j = 0; j < ds->n_cols && st == EGDI_OK; j++) {
        const egdi__column *c = &ds->cols[j];
        if ((st = check_utf8(c->name, "a column name")) != EGDI_OK)
            egdi__error_prefix("column %zu: ", j + 1);
        for (size_t k = 0; c->kind == EGDI_COLUMN_LABEL && k < c->n_levels && st == EGDI_OK; k++)
            if ((st = check_utf8(c->levels[k], "a label")) != EGDI_OK)
                egdi__error_prefix("column '%s': ", c->name);
    }
    for (size_t i = 0; i < ds->n_units && st == EGDI_OK; i++) {
        int code_ok = (st = check_utf8(ds->codes[i], "its code")) == EGDI_OK;
        st = st ? st : check_utf8(ds->names[i], "its name");
        if (st != EGDI_OK) {
            if (code_ok)
                egdi__error_prefix("unit %zu ('%s'): ", i + 1, ds->codes[i]);
            else
                egdi__error_prefix("unit %zu: ", i + 1);
        }
    }
    return st;
}

/* Resolve the options and refuse, before anything is written, what the
 * writer `fn` cannot write (bad provenance pairs; text JSON cannot hold). */
static egdi_status prepare(const egdi_dataset *ds, const egdi_csv_options *opts, writer_fn fn,
                           egdi_csv_options *o)
{
    egdi_status st = egdi__csv_options_resolve(opts, o);
    if (st == EGDI_OK)
        st = check_meta(o);
    if (st == EGDI_OK && fn == write_json)
        st = check_json_text(ds, o);
    return st;
}

/* Write with resolved, checked options (in the C locale) and flush. */
static egdi_status emit(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *o,
                        writer_fn fn)
{
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    fn(ds, fp, o);
    egdi__locale_pop(&loc);
    if (fflush(fp) != 0 || ferror(fp))
        return egdi__fail(EGDI_ERR_IO, "write error: %s", strerror(errno));
    return EGDI_OK;
}

static egdi_status write_stream(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *opts,
                                writer_fn fn)
{
    EGDI_CHECK_ARG(ds && fp, "ds/fp");
    egdi_csv_options o;
    egdi_status st = prepare(ds, opts, fn, &o);
    return st ? st : emit(ds, fp, &o, fn);
}

static egdi_status write_path(const egdi_dataset *ds, const char *path,
                              const egdi_csv_options *opts, writer_fn fn)
{
    EGDI_CHECK_ARG(ds && path, "ds/path");
    egdi_csv_options o;
    egdi_status st = prepare(ds, opts, fn, &o); /* before the file is touched */
    if (st != EGDI_OK)
        return st;
    egdi__outfile of;
    if ((st = egdi__outfile_open(&of, path)) != EGDI_OK)
        return st;
    st = emit(ds, of.fp, &o, fn);
    if (st != EGDI_OK) {
        egdi__outfile_abort(&of);
        egdi__error_prefix("%s: ", path);
        return st;
    }
    return egdi__outfile_commit(&of);
}

egdi_status egdi_dataset_write_csv(const egdi_dataset *ds, const char *path,
                                   const egdi_csv_options *opts)
{
    return write_path(ds, path, opts, write_csv);
}

egdi_status egdi_dataset_write_csv_stream(const egdi_dataset *ds, FILE *fp,
                                          const egdi_csv_options *opts)
{
    return write_stream(ds, fp, opts, write_csv);
}

egdi_status egdi_dataset_write_json(const egdi_dataset *ds, const char *path,
                                    const egdi_csv_options *opts)
{
    return write_path(ds, path, opts, write_json);
}

egdi_status egdi_dataset_write_json_stream(const egdi_dataset *ds, FILE *fp,
                                           const egdi_csv_options *opts)
{
    return write_stream(ds, fp, opts, write_json);
}
