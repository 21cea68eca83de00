/* lib/data: the dataset handle's layout, shared by the dataset code, the
 * readers and writers, the engine and the Survey table. Internal. */
#ifndef EGDI_DATA_H
#define EGDI_DATA_H

#include "core/core.h"

typedef struct egdi__column {
    char *name;
    egdi_column_kind kind;
    double *num;          /* numeric: n_units values */
    int *codes;           /* label: level per unit, -1 = none */
    char **levels;
    size_t n_levels, cap_levels;
    egdi__strmap level_map; /* label text -> level */
} egdi__column;

struct egdi_dataset {
    char **codes, **names;
    size_t n_units, cap_units;
    egdi__strmap code_map;  /* unit code -> position */
    egdi__strmap name_map;  /* unit name -> first position with that name */
    egdi__column *cols;
    size_t n_cols, cap_cols;
    egdi__strmap col_map;   /* column name -> position */
};

/* Level number of a label in column c, adding it if new; -1 for no label, -2 on no memory. */
EGDI_HIDDEN int egdi__level_intern(egdi__column *c, const char *label);
/* Append src's column j to dst, named `name` (NULL = its own name);
 * map[i] = src unit of dst unit i ((size_t)-1 = none; NULL = same positions). */
EGDI_HIDDEN egdi_status egdi__dataset_copy_column(egdi_dataset *dst, const egdi_dataset *src,
                                                  size_t j, const size_t *map);
/* Append units whose code and name are taken over (not copied) on success;
 * trims nothing. On failure nothing is added and the caller keeps ownership. */
EGDI_HIDDEN egdi_status egdi__dataset_adopt_units(egdi_dataset *ds, char **codes, char **names,
                                                  size_t n);
/* Give dst (which has no units) the units of src: copies of the codes and
 * names and of src's indexes (no re-hashing). */
EGDI_HIDDEN egdi_status egdi__dataset_copy_units(egdi_dataset *dst, const egdi_dataset *src);
/* Append a numeric column whose n_units values are taken over (malloc'd). */
EGDI_HIDDEN egdi_status egdi__dataset_adopt_numeric(egdi_dataset *ds, const char *name,
                                                    double *values);
/* Position of a column by name, or (size_t)-1; sets no error. */
EGDI_HIDDEN size_t egdi__dataset_column(const egdi_dataset *ds, const char *name);

#endif
