/* lib/io: text in and out. The RFC 4180 tokenizer, wide tables (CSV in,
 * CSV/JSON out), iMeta index definitions and the UN Data Center export.
 * Internal; never installed. */
#ifndef EGDI_IO_H
#define EGDI_IO_H

#include "core/core.h"
#include "methods/methods.h" /* EGDI__N_STEPS */

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
/* Offset of the first NUL byte or invalid UTF-8 sequence in text, or len. */
EGDI_HIDDEN size_t egdi__text_invalid_at(const char *text, size_t len);
/* EGDI_ERR_PARSE naming the line and byte offset of the first NUL byte or
 * invalid UTF-8 sequence of text; `skipped` bytes (a BOM) precede text in the
 * file. egdi__csv_parse() applies it to every file. */
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

/* imeta.c (reading), imeta_notes.c (notes, options, default methods) and
 * imeta_write.c: index definitions in the iMeta CSV layout (COINr). */
/* The columns libegdi reads and writes, in the order it writes them (imeta.c). */
#define EGDI__IMETA_N_COLS 17
EGDI_HIDDEN extern const char *const egdi__imeta_cols[EGDI__IMETA_N_COLS];
/* Row types that are not nodes, skipped with a note (imeta.c). */
EGDI_HIDDEN extern const char *const egdi__imeta_skipped_types[3];
/* One Indicator or Aggregate row of a file, as read. */
typedef struct egdi__imeta_row {
    size_t line;
    const char *code, *name, *parent, *source;
    int is_indicator;
    double weight, cap_lo, cap_hi, min_share;
    int direction, level; /* level 0 = not given */
    long parent_row;
    /* per step: the method's name and its parameter text ("" = not given) */
    const char *method[EGDI__N_STEPS], *params[EGDI__N_STEPS];
    const char *impute_group;
    /* since 1.4: Denominator, Treatment, TreatParams ("" = not given) */
    const char *denominator, *treatment, *treat_params;
} egdi__imeta_row;
/* Columns read and written after the EGDI__IMETA_N_COLS ones (since 1.4). */
#define EGDI__IMETA_N_EXTRA 3
EGDI_HIDDEN extern const char *const egdi__imeta_extra_cols[EGDI__IMETA_N_EXTRA];
/* The rows of each skipped type: how many, and a list for the note. */
typedef struct egdi__imeta_skipped {
    size_t count[3];
    char list[3][256];
} egdi__imeta_skipped;
/* A default method "name [params]" of the options, checked against the registry. */
typedef struct egdi__imeta_default {
    char name[64];
    const char *params; /* into the caller's text */
    int given;
} egdi__imeta_default;
/* A new empty notes list, or NULL (out of memory). */
EGDI_HIDDEN egdi_imeta_notes *egdi__imeta_notes_new(void);
/* Add a note (nothing if the caller wants none). */
EGDI_HIDDEN egdi_status egdi__imeta_note(egdi_imeta_notes *nt, const char *fmt, ...)
    EGDI_PRINTF(2, 3);
/* Resolve caller options (any known version, or NULL) to the current layout. */
EGDI_HIDDEN egdi_status egdi__imeta_options_read(egdi_imeta_options *o,
                                                 const egdi_imeta_options *opts);
/* Append ", text" (or "text" first) to buf unless full; then "..." once. */
EGDI_HIDDEN void egdi__imeta_list_add(char *buf, size_t size, const char *text);
/* Note the header columns the reader does not use. */
EGDI_HIDDEN egdi_status egdi__imeta_note_columns(const egdi__csv *csv, egdi_imeta_notes *nt);
/* Note the skipped rows, by type. */
EGDI_HIDDEN egdi_status egdi__imeta_note_skipped(const egdi__imeta_skipped *sk,
                                                 egdi_imeta_notes *nt);
/* The options' default methods (dn, da: they must outlive the rows) on the
 * rows that name none. */
EGDI_HIDDEN egdi_status egdi__imeta_apply_defaults(egdi__imeta_row *rows, size_t n,
                                                   const egdi_imeta_options *o, int has_norm,
                                                   egdi__imeta_default *dn,
                                                   egdi__imeta_default *da,
                                                   egdi_imeta_notes *nt);
/* The options' default treatment (dt) on the indicators that name none, and
 * the Denominator column applied or (without o->denominate) cleared with a
 * note. */
EGDI_HIDDEN egdi_status egdi__imeta_treat_and_denominate(egdi__imeta_row *rows, size_t n,
                                                         const egdi_imeta_options *o,
                                                         egdi__imeta_default *dt,
                                                         egdi_imeta_notes *nt);

/* un_export.c: read a Data Center export from memory, naming `source` in errors. */
EGDI_HIDDEN egdi_status egdi__survey_read_un(const char *text, size_t len, int keep,
                                             const char *source, egdi_dataset **out);

#endif
