/* lib/io: text in and out. The RFC 4180 tokenizer, wide tables (CSV in,
 * CSV/JSON out), iMeta index definitions and the UN Data Center export.
 * Internal; never installed. */
#ifndef EGDI_IO_H
#define EGDI_IO_H

#include "core/core.h"

/* csv.c: an in-memory RFC 4180 table; every cell trimmed and NUL-terminated
 * inside one text arena. */
typedef struct egdi__csv {
    char *text;       /* the arena */
    size_t *off;      /* n_rows * n_cols cell offsets into text, row-major; row 0 = header */
    size_t *line;     /* physical line number where each row starts (1-based) */
    size_t n_rows, n_cols;
} egdi__csv;
EGDI_HIDDEN egdi_status egdi__csv_parse(const char *text, size_t len, char delimiter,
                                        const char *source, egdi__csv *out);
EGDI_HIDDEN void egdi__csv_free(egdi__csv *csv);
static inline const char *egdi__csv_cell(const egdi__csv *csv, size_t row, size_t col)
{
    return csv->text + csv->off[row * csv->n_cols + col];
}
/* Header position of a column, or -1. */
EGDI_HIDDEN long egdi__csv_find_col(const egdi__csv *csv, const char *name);
/* The delimiter of the first line, outside quotes: the more frequent of ','
 * and ';' if either occurs, else the more frequent of tab and '|', else ','. */
EGDI_HIDDEN char egdi__csv_detect_delimiter(const char *text, size_t len);
/* 1 if d is a delimiter the reader accepts. */
EGDI_HIDDEN int egdi__csv_delimiter_ok(char d);
/* "','", "tab", ... for messages. */
EGDI_HIDDEN const char *egdi__csv_delimiter_name(char d);
/* EGDI_ERR_PARSE naming the line and byte offset of the first NUL byte or
 * invalid UTF-8 sequence of text; `skipped` bytes (a BOM) precede text in the
 * file. egdi__csv_parse() applies it to every file. */
/* Offset of the first NUL byte or invalid UTF-8 sequence in text, or len. */
EGDI_HIDDEN size_t egdi__text_invalid_at(const char *text, size_t len);
EGDI_HIDDEN egdi_status egdi__text_check(const char *text, size_t len, size_t skipped,
                                         const char *source);
EGDI_HIDDEN void egdi__csv_write_field(FILE *fp, const char *s, char delimiter);

/* table_io.c: parse CSV text (in the C locale) and let `build` fill a new
 * dataset from the cells; the dataset is freed if anything fails. */
typedef egdi_status (*egdi__csv_builder)(const egdi__csv *csv, const void *ctx,
                                         const char *source, egdi_dataset *ds);
EGDI_HIDDEN egdi_status egdi__dataset_from_csv(const char *text, size_t len, char delimiter,
                                               const char *source, egdi__csv_builder build,
                                               const void *ctx, egdi_dataset **out);
/* table_io.c: parse CSV text into a new dataset (options already resolved). */
EGDI_HIDDEN egdi_status egdi__dataset_from_text(const char *text, size_t len,
                                                const egdi_csv_options *o, const char *source,
                                                egdi_dataset **out);
/* Resolve caller options (any known version, or NULL) to the current layout. */
EGDI_HIDDEN egdi_status egdi__csv_options_resolve(const egdi_csv_options *in,
                                                  egdi_csv_options *out);

/* un_export.c: read a Data Center export from memory, naming `source` in errors. */
EGDI_HIDDEN egdi_status egdi__survey_read_un(const char *text, size_t len, int keep,
                                             const char *source, egdi_dataset **out);

#endif
