/* Wide CSV tables in and out of a dataset; JSON out. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"

void egdi_csv_options_init(egdi_csv_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->version = EGDI_CSV_OPTIONS_VERSION;
    opts->code_column = "code";
    opts->name_column = "name";
    opts->decimals = -1;
}

static egdi_status resolve_options(const egdi_csv_options *in, egdi_csv_options *out)
{
    egdi_csv_options_init(out);
    if (!in)
        return EGDI_OK;
    if (in->version != EGDI_CSV_OPTIONS_VERSION)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_csv_options: version %u, expected %u",
                          in->version, EGDI_CSV_OPTIONS_VERSION);
    *out = *in;
    if (!out->code_column)
        out->code_column = "code";
    if (!out->name_column)
        out->name_column = "name";
    if (out->delimiter != 0 && out->delimiter != ',' && out->delimiter != ';')
        return egdi__fail(EGDI_ERR_INVALID_ARG, "delimiter must be ',' or ';'");
    if (out->decimals < -1 || out->decimals > 17)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "decimals must be -1..17, not %d", out->decimals);
    if (out->n_label_columns && !out->label_columns)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "label_columns is NULL but n_label_columns is %zu",
                          out->n_label_columns);
    return EGDI_OK;
}

static int is_listed(const egdi_csv_options *o, const char *name)
{
    for (size_t k = 0; k < o->n_label_columns; k++)
        if (o->label_columns[k] && strcmp(o->label_columns[k], name) == 0)
            return 1;
    return 0;
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
    egdi_status st = EGDI_OK;
    for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
        st = egdi_dataset_add_unit(ds, egdi__csv_cell(csv, r, (size_t)code_col),
                                   egdi__csv_cell(csv, r, (size_t)name_col), NULL);
        if (st != EGDI_OK)
            egdi__error_prefix("%s:%zu: ", source, csv->line[r]);
    }
    for (size_t j = 0; j < csv->n_cols && st == EGDI_OK; j++) {
        if ((long)j == code_col || (long)j == name_col)
            continue;
        const char *head = egdi__csv_cell(csv, 0, j);
        int label = is_listed(o, head);
        if (!o->label_columns) { /* decide: numeric unless some cell is not a number */
            double v;
            for (size_t r = 1; r < csv->n_rows && !label; r++)
                label = !egdi__parse_number(egdi__csv_cell(csv, r, j), &v);
        }
        size_t k = ds->n_cols;
        if (label) {
            st = egdi_dataset_add_labels(ds, head, NULL, 0);
            for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++)
                st = egdi_dataset_set_label(ds, r - 1, k, egdi__csv_cell(csv, r, j));
        } else {
            st = egdi_dataset_add_numeric(ds, head, NULL, 0);
            if (st != EGDI_OK)
                egdi__error_prefix("%s:%zu: column %zu: ", source, csv->line[0], j + 1);
            for (size_t r = 1; r < csv->n_rows && st == EGDI_OK; r++) {
                const char *cell = egdi__csv_cell(csv, r, j);
                if (!egdi__parse_number(cell, &ds->cols[k].num[r - 1]))
                    st = egdi__fail(EGDI_ERR_PARSE,
                                    "%s:%zu: column %zu ('%s'), unit '%s': '%s' is not a number",
                                    source, csv->line[r], j + 1, head, ds->codes[r - 1], cell);
            }
        }
    }
    return st;
}

egdi_status egdi_dataset_read_csv_buffer(const char *text, size_t len,
                                         const egdi_csv_options *opts, egdi_dataset **out)
{
    EGDI_CHECK_ARG((text || len == 0) && out, "text/out");
    egdi_csv_options o;
    egdi_status st = resolve_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    return egdi__dataset_from_text(text ? text : "", len, &o, "<buffer>", out);
}

egdi_status egdi__dataset_from_text(const char *text, size_t len, const egdi_csv_options *o,
                                    const char *source, egdi_dataset **out)
{
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    if (st != EGDI_OK)
        return st;
    egdi__csv csv;
    st = egdi__csv_parse(text, len, o->delimiter, source, &csv);
    egdi_dataset *ds = NULL;
    if (st == EGDI_OK)
        st = egdi_dataset_new(&ds);
    if (st == EGDI_OK)
        st = build_from_csv(&csv, o, source, ds);
    egdi__csv_free(&csv);
    egdi__locale_pop(&loc);
    if (st != EGDI_OK) {
        egdi_dataset_free(ds);
        return st;
    }
    *out = ds;
    return EGDI_OK;
}

egdi_status egdi_dataset_read_csv(const char *path, const egdi_csv_options *opts,
                                  egdi_dataset **out)
{
    EGDI_CHECK_ARG(path && out, "path/out");
    egdi_csv_options o;
    egdi_status st = resolve_options(opts, &o);
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

static void write_csv(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *o)
{
    char d = o->delimiter ? o->delimiter : ',';
    const char *eol = o->crlf ? "\r\n" : "\n";
    char buf[64];
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
                egdi__format_number(c->num[i], o->decimals, buf, sizeof buf);
                fputs(buf, fp);
            } else if (c->codes[i] >= 0) {
                egdi__csv_write_field(fp, c->levels[c->codes[i]], d);
            }
        }
        fputs(eol, fp);
    }
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

static void write_json(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *o)
{
    char buf[64];
    fputs("[", fp);
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
                egdi__format_number(c->num[i], o->decimals, buf, sizeof buf);
                fputs(buf, fp);
            }
        }
        fputs("}", fp);
    }
    fputs("\n]\n", fp);
}

typedef void (*writer_fn)(const egdi_dataset *, FILE *, const egdi_csv_options *);

static egdi_status write_stream(const egdi_dataset *ds, FILE *fp, const egdi_csv_options *opts,
                                writer_fn fn)
{
    EGDI_CHECK_ARG(ds && fp, "ds/fp");
    egdi_csv_options o;
    egdi_status st = resolve_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    egdi__locale loc;
    if ((st = egdi__locale_push(&loc)) != EGDI_OK)
        return st;
    fn(ds, fp, &o);
    egdi__locale_pop(&loc);
    if (ferror(fp))
        return egdi__fail(EGDI_ERR_IO, "write error");
    return EGDI_OK;
}

static egdi_status write_path(const egdi_dataset *ds, const char *path,
                              const egdi_csv_options *opts, writer_fn fn)
{
    EGDI_CHECK_ARG(ds && path, "ds/path");
    egdi_csv_options o;
    egdi_status st = resolve_options(opts, &o);
    if (st != EGDI_OK)
        return st;
    egdi__outfile of;
    if ((st = egdi__outfile_open(&of, path)) != EGDI_OK)
        return st;
    st = write_stream(ds, of.fp, &o, fn);
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
