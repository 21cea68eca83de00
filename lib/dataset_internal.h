/* The dataset's layout, shared by dataset.c and dataset_io.c. */
#ifndef EGDI_DATASET_INTERNAL_H
#define EGDI_DATASET_INTERNAL_H

#include "internal.h"

typedef struct egdi__column {
    char *name;
    egdi_column_kind kind;
    double *num;    /* numeric: n_units values */
    int *codes;     /* label: level per unit, -1 = none */
    char **levels;
    size_t n_levels, cap_levels;
} egdi__column;

struct egdi_dataset {
    char **codes, **names;
    size_t n_units, cap_units;
    egdi__column *cols;
    size_t n_cols, cap_cols;
};

EGDI_HIDDEN int egdi__level_intern(egdi__column *c, const char *label);
/* Append src's column j to dst; map[i] = src unit of dst unit i ((size_t)-1 = none; NULL = same). */
EGDI_HIDDEN egdi_status egdi__dataset_copy_column(egdi_dataset *dst, const egdi_dataset *src,
                                                  size_t j, const size_t *map);

/* Parse CSV text into a new dataset (options already resolved). */
EGDI_HIDDEN egdi_status egdi__dataset_from_text(const char *text, size_t len,
                                                const egdi_csv_options *o, const char *source,
                                                egdi_dataset **out);
/* survey_table.c: read a Data Center export from memory, naming `source` in errors. */
EGDI_HIDDEN egdi_status egdi__survey_read_un(const char *text, size_t len, int keep,
                                             const char *source, egdi_dataset **out);

#endif
