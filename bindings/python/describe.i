/* SWIG declarations of <egdi/describe.h>: the method enum as constants,
 * egdi_index_cronbach as it is, and the other calls (Cronbach's alpha of an
 * array too) with their options as arguments (egdi_py_*), returning datasets
 * or (value, p-value, pairs). */
%ignore egdi_describe_options;
%ignore egdi_describe_options_init_version;
%ignore egdi_corr_options;
%ignore egdi_corr_options_init_version;
%ignore egdi_describe;
%ignore egdi_index_describe;
%ignore egdi_correlate;
%ignore egdi_index_correlate;
%ignore egdi_index_parent_correlations;
%ignore egdi_correlation;
%ignore egdi_skewness;
%ignore egdi_kurtosis;
%ignore egdi_cronbach_alpha;
%ignore egdi_corr_method_from_name;
%include "egdi/describe.h"

%apply egdi_dataset **out { egdi_dataset **corr, egdi_dataset **p_values };
%apply (const char *const *labels, size_t n) { (const char *const *rows, size_t n_rows) };
%apply (const char *const *labels, size_t n) { (const char *const *cols, size_t n_cols) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *xs, size_t n_xs) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *ys, size_t n_ys) };
%apply double *OUTPUT { double *r, double *p_value, double *result };
%apply size_t *OUTPUT { size_t *n_pairs };
%apply (double *IN_ARRAY2, size_t DIM1, size_t DIM2) {
    (const double *ca_x, size_t ca_units, size_t ca_items) };

%inline %{
/** egdi_describe (rows NULL = every numeric column) with the thresholds as arguments. */
egdi_status egdi_py_describe(const egdi_dataset *data, const char *const *rows, size_t n_rows,
                             double t_skew, double t_kurt, double t_avail, double t_zero,
                             double t_unique, egdi_dataset **out)
{
    egdi_describe_options o = EGDI_DESCRIBE_OPTIONS_INIT;
    o.t_skew = t_skew, o.t_kurt = t_kurt, o.t_avail = t_avail, o.t_zero = t_zero;
    o.t_unique = t_unique;
    return egdi_describe(data, n_rows ? rows : NULL, n_rows, &o, out);
}

/** egdi_index_describe with the thresholds as arguments. */
egdi_status egdi_py_index_describe(const egdi_index *idx, const egdi_dataset *data, int level,
                                   double t_skew, double t_kurt, double t_avail, double t_zero,
                                   double t_unique, egdi_dataset **out)
{
    egdi_describe_options o = EGDI_DESCRIBE_OPTIONS_INIT;
    o.t_skew = t_skew, o.t_kurt = t_kurt, o.t_avail = t_avail, o.t_zero = t_zero;
    o.t_unique = t_unique;
    return egdi_index_describe(idx, data, level, &o, out);
}

/** egdi_correlate with its options as arguments; returns (corr, p_values). */
egdi_status egdi_py_correlate(const egdi_dataset *data, const char *const *rows, size_t n_rows,
                              const char *const *cols, size_t n_cols, int method, double max_p,
                              egdi_dataset **corr, egdi_dataset **p_values)
{
    egdi_corr_options o = EGDI_CORR_OPTIONS_INIT;
    o.method = (egdi_corr_method)method, o.max_p = max_p;
    return egdi_correlate(data, n_rows ? rows : NULL, n_rows, n_cols ? cols : NULL, n_cols, &o,
                          corr, p_values);
}

/** egdi_index_correlate with its options as arguments; returns (corr, p_values). */
egdi_status egdi_py_index_correlate(const egdi_index *idx, const egdi_dataset *data,
                                    int row_level, int col_level, int method, double max_p,
                                    int group_level, egdi_dataset **corr,
                                    egdi_dataset **p_values)
{
    egdi_corr_options o = EGDI_CORR_OPTIONS_INIT;
    o.method = (egdi_corr_method)method, o.max_p = max_p, o.group_level = group_level;
    return egdi_index_correlate(idx, data, row_level, col_level, &o, corr, p_values);
}

/** egdi_index_parent_correlations with its options as arguments. */
egdi_status egdi_py_parent_correlations(const egdi_index *idx, const egdi_dataset *data,
                                        int method, double max_p, egdi_dataset **out)
{
    egdi_corr_options o = EGDI_CORR_OPTIONS_INIT;
    o.method = (egdi_corr_method)method, o.max_p = max_p;
    return egdi_index_parent_correlations(idx, data, &o, out);
}

/** egdi_correlation of two arrays of one length; returns (r, p_value, n_pairs). */
egdi_status egdi_py_correlation(const double *xs, size_t n_xs, const double *ys, size_t n_ys,
                                int method, double *r, double *p_value, size_t *n_pairs)
{
    if (n_xs != n_ys)
        return egdi_py_lengths(n_xs, n_ys, "egdi_correlation: x and y");
    return egdi_correlation(xs, ys, n_xs, (egdi_corr_method)method, r, p_value, n_pairs);
}

/** egdi_skewness (kurtosis = 0) or egdi_kurtosis (kurtosis = 1) of an array. */
egdi_status egdi_py_moment(const double *xs, size_t n_xs, int kurtosis, double *result)
{
    return kurtosis ? egdi_kurtosis(xs, n_xs, result) : egdi_skewness(xs, n_xs, result);
}

/** egdi_cronbach_alpha of a 2-D array (one row per unit, one column per item). */
egdi_status egdi_py_cronbach_alpha(const double *ca_x, size_t ca_units, size_t ca_items,
                                   double *result)
{
    return egdi_cronbach_alpha(ca_x, ca_units, ca_items, result);
}

/** The method named `name` (pearson, spearman, kendall). */
egdi_status egdi_py_corr_method(const char *name, int *id)
{
    egdi_corr_method m = EGDI_CORR_PEARSON;
    egdi_status st = egdi_corr_method_from_name(name, &m);
    *id = (int)m;
    return st;
}
%}

%clear (const double *ca_x, size_t ca_units, size_t ca_items);
