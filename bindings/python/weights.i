/* SWIG declarations of <egdi/weights.h>: the weights table, setting weights,
 * and the data-driven methods through egdi_py_* wrappers below (options as
 * arguments, arrays as numpy arrays, tables as datasets). egdi.weights is the
 * Pythonic layer over these. */

%ignore egdi_weights_rescaled;          /* egdi_weights_table has them all */
%ignore egdi_weights_effective;
%ignore egdi_weights_options;
%ignore egdi_weights_options_init_version;
%ignore egdi_weights_opt_options;
%ignore egdi_weights_opt_options_init_version;
%ignore egdi_pca;                       /* egdi_py_pca */
%ignore egdi_entropy_weights;           /* egdi_py_entropy */
%ignore egdi_weights_pca;               /* egdi_py_weights_pca */
%ignore egdi_weights_entropy;           /* egdi_py_weights_entropy */
%ignore egdi_weights_optimise;          /* egdi_py_weights_optimise */

%apply (double *IN_ARRAY1, size_t DIM1) { (const double *weights, size_t n) };
%apply (double *IN_ARRAY1, size_t DIM1) { (const double *targets, size_t n_targets),
                                          (const double *start, size_t n_start) };
%apply (double *IN_ARRAY2, size_t DIM1, size_t DIM2) { (const double *x2, size_t rows,
                                                        size_t cols) };
%apply (double *INPLACE_ARRAY1, size_t DIM1) { (double *weights_out, size_t n_weights),
                                               (double *rot, size_t n_rot),
                                               (double *sd, size_t n_sd),
                                               (double *ent, size_t n_ent) };
%apply egdi_dataset **out { egdi_dataset **loadings, egdi_dataset **variance,
                            egdi_dataset **details };
%apply size_t *OUTPUT { size_t *n_used };

%include "egdi/weights.h"

%inline %{
/** egdi_pca on a 2-D array: rotation (cols x cols, row-major) and sdev (cols)
 *  filled in place; returns the number of complete rows. */
egdi_status egdi_py_pca(const double *x2, size_t rows, size_t cols, double *rot, size_t n_rot,
                        double *sd, size_t n_sd, size_t *n_used)
{
    if (n_rot != cols * cols || n_sd != cols)
        return egdi_set_error(EGDI_ERR_INVALID_ARG, "pca: output arrays do not fit the columns");
    return egdi_pca(x2, rows, cols, rot, sd, n_used);
}

/** egdi_entropy_weights on a 2-D array: weights and entropies (cols each). */
egdi_status egdi_py_entropy(const double *x2, size_t rows, size_t cols, double *weights_out,
                            size_t n_weights, double *ent, size_t n_ent, size_t *n_used)
{
    if (n_weights != cols || n_ent != cols)
        return egdi_set_error(EGDI_ERR_INVALID_ARG,
                              "entropy: output arrays do not fit the columns");
    return egdi_entropy_weights(x2, rows, cols, weights_out, ent, n_used);
}

/** egdi_weights_pca with its options as arguments (under: None = all). */
egdi_status egdi_py_weights_pca(const egdi_index *idx, const egdi_dataset *values, int level,
                                const char *under, double *weights_out, size_t n_weights,
                                egdi_dataset **loadings, egdi_dataset **variance)
{
    egdi_weights_options o = EGDI_WEIGHTS_OPTIONS_INIT;
    o.level = level;
    o.under = under;
    return egdi_weights_pca(idx, values, &o, weights_out, n_weights, loadings, variance);
}

/** egdi_weights_entropy with its options as arguments. */
egdi_status egdi_py_weights_entropy(const egdi_index *idx, const egdi_dataset *values,
                                    int level, const char *under, double *weights_out,
                                    size_t n_weights, egdi_dataset **details)
{
    egdi_weights_options o = EGDI_WEIGHTS_OPTIONS_INIT;
    o.level = level;
    o.under = under;
    return egdi_weights_entropy(idx, values, &o, weights_out, n_weights, details);
}

/** egdi_weights_optimise with its options as arguments: empty targets / start
 *  arrays = the defaults; fills `report`. */
egdi_status egdi_py_weights_optimise(const egdi_index *idx, const egdi_dataset *data,
                                     int level, int goal, const double *targets,
                                     size_t n_targets, const double *start, size_t n_start,
                                     double tolerance, size_t max_iter, double *weights_out,
                                     size_t n_weights, egdi_weights_opt_report *report,
                                     egdi_dataset **details)
{
    if (!report)
        return egdi_set_error(EGDI_ERR_INVALID_ARG, "optimise: report is None");
    egdi_weights_opt_options o = EGDI_WEIGHTS_OPT_OPTIONS_INIT;
    o.level = level;
    o.goal = (egdi_opt_goal)goal;
    o.targets = n_targets ? targets : NULL;
    o.n_targets = n_targets;
    o.start = n_start ? start : NULL;
    o.n_start = n_start;
    o.tolerance = tolerance;
    o.max_iter = max_iter;
    report->version = EGDI_WEIGHTS_OPT_REPORT_VERSION;
    return egdi_weights_optimise(idx, data, &o, weights_out, n_weights, report, details);
}
%}

%clear (const double *weights, size_t n);
%clear (const double *targets, size_t n_targets), (const double *start, size_t n_start);
%clear (const double *x2, size_t rows, size_t cols);
%clear (double *weights_out, size_t n_weights), (double *rot, size_t n_rot),
       (double *sd, size_t n_sd), (double *ent, size_t n_ent);
%clear egdi_dataset **loadings, egdi_dataset **variance, egdi_dataset **details;
%clear size_t *n_used;
