/* SWIG declarations of <egdi/impute.h>: row-wise and panel imputation. The
 * option structs stay in C: egdi.impute_rows() and egdi.impute_panel() reach
 * the dataset functions through the egdi_py_impute_* wrappers below (options
 * as arguments; SWIG's -threads releases the GIL around them). The array-level
 * functions are for C; Python passes DataFrames. */

%ignore egdi_impute_rows_options;
%ignore egdi_impute_rows_options_init_version;
%ignore egdi_impute_panel_options;
%ignore egdi_impute_panel_options_init_version;
%ignore egdi_impute_rows;          /* egdi_py_impute_rows */
%ignore egdi_impute_rows_values;
%ignore egdi_impute_panel;         /* egdi_py_impute_panel */
%ignore egdi_impute_panel_values;

%include "egdi/impute.h"

%apply egdi_dataset **out { egdi_dataset **imp_fill, egdi_dataset **imp_source };
%apply (const char *const *labels, size_t n) {
    (const char *const *imp_columns, size_t n_imp_columns) };

%inline %{
/** egdi_impute_rows() with its options as arguments: statistic (egdi_row_stat),
 *  group level, normalise_first. Returns (imputed, fill). */
egdi_status egdi_py_impute_rows(const egdi_index *idx, const egdi_dataset *data, int stat,
                                int group_level, int normalise_first, egdi_dataset **out,
                                egdi_dataset **imp_fill)
{
    egdi_impute_rows_options o = EGDI_IMPUTE_ROWS_OPTIONS_INIT;
    o.stat = (egdi_row_stat)stat;
    o.group_level = group_level;
    o.normalise_first = normalise_first;
    return egdi_impute_rows(idx, data, &o, out, imp_fill);
}

/** egdi_impute_panel() with its options as arguments: method (egdi_panel_impute),
 *  extrapolate, max_age (0 = none), max_steps (0 = none), the unit and time
 *  columns and the columns to impute (None = every numeric one but time).
 *  Returns (imputed, fill, source). */
egdi_status egdi_py_impute_panel(const egdi_dataset *panel, int method, int extrapolate,
                                 double max_age, size_t max_steps, const char *unit_column,
                                 const char *time_column, const char *const *imp_columns,
                                 size_t n_imp_columns, egdi_dataset **out,
                                 egdi_dataset **imp_fill, egdi_dataset **imp_source)
{
    egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
    o.method = (egdi_panel_impute)method;
    o.extrapolate = extrapolate;
    o.max_age = max_age;
    o.max_steps = max_steps;
    o.unit_column = unit_column;
    o.time_column = time_column;
    o.columns = imp_columns;
    o.n_columns = n_imp_columns;
    return egdi_impute_panel(panel, &o, out, imp_fill, imp_source);
}
%}

%clear egdi_dataset **imp_fill, egdi_dataset **imp_source;
%clear (const char *const *imp_columns, size_t n_imp_columns);
